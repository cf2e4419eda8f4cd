import { z } from 'zod';
import { sortEvents, sortTasks } from '../../shared/agenda';
import {
  type BriefEntry,
  type CallOutcome,
  type CrmEvent,
  type CrmTask,
  ENTRY_TEXT_MAX,
  type SavedListing,
} from '../../shared/contracts';
import { fullName } from '../../shared/format';
import { ApiError } from '../errors';
import { CredentialsRefused } from '../upstream';
import { type CrmProvider, noteSubjectStart, OUTCOME_WORDS, PartUnavailable, SAVED_LISTING, SKEW_MS } from './provider';
import { type Call, Contacts, Events, isTrue, type Note, Notes, type TaskRow, Tasks, TaskUpdated } from './wiseagent-api';
import { ARIZONA, addedAt, calendarParam, instantOf, readWall, rezone, taskDue, toContact } from './wiseagent-rows';

type DayReads = 'activity' | 'openTasks' | 'getTask' | 'events' | 'savedListings' | 'newLeads' | 'completeTask';

const PAGE = 100;
/** A contact's notes read for a brief: three pages at most (the newest are kept, whatever order they come in). */
const NOTE_PAGES = 3;
/** The task list has no filters: ten pages (1,000 tasks, done ones included) at most, read at once after the first. */
const TASK_PAGES = 10;
/** Contacts whose names an agenda looks up for its tasks, and new leads checked for notes, at most. */
const LOOKUPS = 10;
const LEAD_CANDIDATES = 20;
/**
 * CompletedDate's zone is not documented (its examples read as UTC). A retry counts a completion this
 * much before its first attempt as its own: "done" for a task closed that morning is harmless,
 * "already done" for its own write is not.
 */
const ZONE_SLACK_MS = 10 * 3600_000;

/** Note text may be HTML (the docs say so): the brief shows it as lines of text. */
const plain = (html: string) =>
  html
    .replace(/<br\s*\/?>|<\/(?:p|div|li)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\r\n?/g, '\n')
    .trim();
const cut = (text: string) => (text.length > ENTRY_TEXT_MAX ? `${text.slice(0, ENTRY_TEXT_MAX - 1)}…` : text);

/** Subjects Estait writes carry its reference, which means nothing to the agent. */
const CALL_SUBJECT = `${noteSubjectStart('Call')} (`;
const NOTE_SUBJECT = `${noteSubjectStart('Note')} (`;
const outcomeOf = (subject: string) =>
  (Object.entries(OUTCOME_WORDS) as [CallOutcome, string][]).find(([, words]) => subject.endsWith(`: ${words}`))?.[0];

/** A note's time: NoteDate is written without a zone, in Wise Agent's (Arizona) clock like the calendar. */
const noteAt = (n: Note) => instantOf(n.NoteDate, ARIZONA)?.toISOString();

function toEntry(n: Note, at: string): BriefEntry {
  const subject = (n.Subject ?? '').trim();
  const text = cut(plain(n.Note ?? ''));
  if (subject.startsWith(CALL_SUBJECT)) {
    const outcome = outcomeOf(subject);
    return { id: String(n.NoteID), kind: 'call', at, text, ...(outcome && { outcome }) };
  }
  const own = subject.startsWith(NOTE_SUBJECT) || !subject;
  return { id: String(n.NoteID), kind: 'note', at, text, ...(!own && { subject }) };
}

/** A saved listing's note (listingNote in provider.ts) read back: address, price, facts, MLS #, link. */
function toSaved(n: Note): SavedListing | undefined {
  const address = (n.Subject ?? '').slice(SAVED_LISTING.length).trim();
  if (!address) return undefined;
  const lines = plain(n.Note ?? '').split('\n');
  const number = (text: string | undefined) => (text ? Number(text.replace(/,/g, '')) : undefined);
  const price = lines.map((l) => /^\$([\d,]+)/.exec(l)?.[1]).find(Boolean);
  const fact = (unit: string) =>
    number(lines.map((l) => new RegExp(`(?:^|· |\\s)([\\d.,]+) ${unit}(?:\\s|$)`).exec(l)?.[1]).find(Boolean));
  const mlsId = lines.map((l) => /^MLS # (.+)$/.exec(l)?.[1]?.trim()).find(Boolean);
  const url = lines.map((l) => z.url({ protocol: /^https?$/ }).safeParse(l.trim())).find((u) => u.success)?.data;
  const facts = { price: number(price), beds: fact('bd'), baths: fact('ba'), sqft: fact('sqft') };
  const at = noteAt(n);
  return {
    listing: {
      address,
      ...Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined && !Number.isNaN(v))),
      ...(mlsId && { mlsId }),
      ...(url && { url }),
    },
    ...(at && { savedAt: at }),
  };
}

const newestFirst = <T extends { at?: string; id: number }>(a: T, b: T) =>
  Date.parse(b.at ?? '') - Date.parse(a.at ?? '') || b.id - a.id;

/** Reads for the brief and the day, and task completion, on Wise Agent. */
export function wiseAgentDay(call: Call, tz: string): Pick<CrmProvider, DayReads> {
  /** A 403 on a part's call is a scope the agent did not grant: that part is said to be unavailable. */
  const scoped = async <T>(part: 'tasks' | 'showings', reason: string, read: Promise<T>): Promise<T> => {
    try {
      return await read;
    } catch (err) {
      if (err instanceof CredentialsRefused && err.upstreamStatus === 403) throw new PartUnavailable(part, reason);
      throw err;
    }
  };

  // The brief reads a contact's notes for its activity and its saved listings at once: one read serves
  // both. A provider lives for one request, so what is kept here is never older than that request.
  const noteReads = new Map<string, Promise<Note[]>>();
  const notesOf = (contactId: string) => {
    const known = noteReads.get(contactId);
    if (known) return known;
    const read = (async () => {
      const all: Note[] = [];
      for (let page = 1; page <= NOTE_PAGES; page++) {
        const rows = await call(Notes, 'GET', 'getContactNotes', {
          ClientID: contactId,
          page: String(page),
          page_size: String(PAGE),
        });
        all.push(...rows);
        if (rows.length < PAGE) break;
      }
      return all;
    })();
    noteReads.set(contactId, read);
    read.catch(() => noteReads.delete(contactId));
    return read;
  };

  const allTasks = async (): Promise<TaskRow[]> => {
    const first = await call(Tasks, 'GET', 'tasks', { page: '1', page_size: String(PAGE) });
    const pages = Math.min(TASK_PAGES, Math.ceil((first.TotalCount ?? first.Data.length) / PAGE));
    const rest = await Promise.all(
      Array.from({ length: Math.max(0, pages - 1) }, (_, i) =>
        call(Tasks, 'GET', 'tasks', { page: String(i + 2), page_size: String(PAGE) }),
      ),
    );
    return [first, ...rest].flatMap((p) => p.Data);
  };
  const TASKS_REFUSED = 'Wise Agent has not given Estait your tasks (the Team permission); connect Wise Agent again to allow it.';
  const CALENDAR_REFUSED =
    'Wise Agent has not given Estait your calendar (the Calendar permission); connect Wise Agent again to allow it.';

  const toTask = (t: TaskRow, names: Map<string, string>): CrmTask => {
    const due = readWall(t.TaskDue)?.wall.slice(0, 10);
    const contactId = t.ContactID && t.ContactID !== '0' ? t.ContactID : undefined;
    const contactName = contactId && names.get(contactId);
    return {
      id: t.TaskID,
      title: (t.Description ?? '').trim() || 'Task',
      ...(due && { due }),
      done: isTrue(t.Completed),
      ...(contactId && { contactId }),
      ...(contactName && { contactName }),
    };
  };

  const single = async (id: string) => {
    const [row] = await call(Contacts, 'GET', 'getSingleContact', { clientID: id });
    return row && toContact(row);
  };
  /** Names for a few contacts, looked up at once; one that fails is left unnamed. */
  const namesOf = async (ids: string[]) => {
    const found = await Promise.all(ids.slice(0, LOOKUPS).map((id) => single(id).catch(() => undefined)));
    return new Map(found.flatMap((c) => (c ? [[c.id, fullName(c)] as const] : [])));
  };

  return {
    async activity(contactId, limit) {
      // A note whose date cannot be read has no place in a newest-first list.
      const entries = (await notesOf(contactId))
        .filter((n) => !(n.Subject ?? '').startsWith(SAVED_LISTING))
        .flatMap((n) => {
          const at = noteAt(n);
          return at ? [{ note: n, at, id: n.NoteID }] : [];
        })
        .sort(newestFirst);
      return entries.slice(0, limit).map(({ note, at }) => toEntry(note, at));
    },
    async savedListings(contactId) {
      return (await notesOf(contactId))
        .filter((n) => (n.Subject ?? '').startsWith(SAVED_LISTING))
        .map((n) => ({ id: n.NoteID, at: noteAt(n), saved: toSaved(n) }))
        .sort(newestFirst)
        .flatMap(({ saved }) => (saved ? [saved] : []));
    },
    async openTasks(filter) {
      const rows = (await scoped('tasks', TASKS_REFUSED, allTasks())).filter((t) => !isTrue(t.Completed));
      if ('contactId' in filter)
        return sortTasks(rows.filter((t) => t.ContactID === filter.contactId).map((t) => toTask(t, new Map())));
      const { dueBy } = filter;
      const due = rows.filter((t) => {
        const day = readWall(t.TaskDue)?.wall.slice(0, 10);
        return dueBy === undefined || (!!day && day <= dueBy);
      });
      const ids = [...new Set(due.flatMap((t) => (t.ContactID && t.ContactID !== '0' ? [t.ContactID] : [])))];
      const names = await namesOf(ids);
      return sortTasks(due.map((t) => toTask(t, names)));
    },
    async getTask(taskId) {
      const row = (await allTasks()).find((t) => t.TaskID === taskId);
      return row && toTask(row, new Map());
    },
    async events({ from, to, contactId }) {
      const [rows, contact] = await Promise.all([
        scoped(
          'showings',
          CALENDAR_REFUSED,
          call(Events, 'GET', 'getCalendar', {
            startDate: calendarParam(rezone(`${from}T00:00`, tz, ARIZONA)),
            endDate: calendarParam(rezone(`${to}T23:59`, tz, ARIZONA)),
          }),
        ),
        contactId ? single(contactId) : Promise.resolve(undefined),
      ]);
      const named = contact && ` with ${fullName(contact)}`.toLowerCase();
      return sortEvents(
        rows.flatMap((e): CrmEvent[] => {
          const startWall = readWall(e.StartDate)?.wall;
          if (!startWall) return [];
          const start = rezone(startWall.includes('T') ? startWall : `${startWall}T00:00`, ARIZONA, tz);
          if (start.slice(0, 10) < from || start.slice(0, 10) > to) return [];
          const subject = (e.Subject ?? '').trim();
          // Attendees: "C1234,C4567" — clients marked C, vendors V.
          const attendees = (e.Attendees ?? '').split(',').flatMap((a) => (/^C\d+$/i.test(a.trim()) ? [a.trim().slice(1)] : []));
          // A showing Estait scheduled names its contact in the subject ("Showing: 1 Elm St with Maria Garcia").
          const ours = /^Showing(?:: (.+?))?(?: with (.+))?$/.exec(subject);
          const mine = !!contactId && (attendees.includes(contactId) || (!!named && subject.toLowerCase().endsWith(named)));
          if (contactId && !mine) return [];
          const endWall = readWall(e.EndDate)?.wall;
          const end = endWall?.includes('T') ? rezone(endWall, ARIZONA, tz) : undefined;
          const address = e.location?.trim() || ours?.[1];
          const who = mine ? contact : undefined;
          const eventContactId = mine ? contactId : attendees[0];
          const contactName = who ? fullName(who) : ours?.[2];
          return [
            {
              id: String(e.PlannerID),
              title: subject || 'Appointment',
              start,
              ...(end && end >= start && { end }),
              ...(address && { address }),
              ...(eventContactId && { contactId: eventContactId }),
              ...(contactName && { contactName }),
            },
          ];
        }),
      );
    },
    async newLeads(since) {
      const from = new Date(since);
      // Contacts updated since then include every one added since (the API filters by update, not by addition).
      const rows = await call(Contacts, 'GET', 'getContacts', {
        DateUpdatedUTC: `${from.toISOString().slice(0, 10)} ${from.toISOString().slice(11, 16)}`,
        page: '1',
        page_size: String(PAGE),
      });
      const candidates = rows
        .filter((c) => addedAt(c) >= from.getTime())
        .sort((a, b) => addedAt(b) - addedAt(a))
        .slice(0, LEAD_CANDIDATES);
      const quiet = await Promise.all(
        candidates.map(async (c) => {
          const notes = await call(Notes, 'GET', 'getContactNotes', { ClientID: String(c.ClientID), page: '1', page_size: '1' });
          return notes.length ? [] : [{ contact: toContact(c), addedAt: new Date(addedAt(c)).toISOString() }];
        }),
      );
      return quiet.flat();
    },
    async completeTask(taskId, { since }) {
      const row = (await allTasks()).find((t) => t.TaskID === taskId);
      if (!row) throw new ApiError(422, 'task_not_found', 'That task is no longer in Wise Agent.');
      if (isTrue(row.Completed)) {
        // Done before this write — unless an earlier attempt of it is what closed the task.
        const closed = instantOf(row.CompletedDate, 'UTC')?.getTime();
        const ours = !!since && (closed === undefined || closed >= since - SKEW_MS - ZONE_SLACK_MS);
        return ours ? { id: taskId } : { id: taskId, alreadyDone: true };
      }
      const due = readWall(row.TaskDue)?.wall.slice(0, 10);
      const given = (value: string | null | undefined) => (value && /^\d+$/.test(value) ? value : undefined);
      // tasks PUT: the docs do not say whether fields left out are kept, so the task's own are sent back.
      const answer = await call(TaskUpdated, 'PUT', 'tasks', {
        TaskID: taskId,
        Description: row.Description ?? undefined,
        TaskDue: due && taskDue(due),
        Priority: given(row.Priority),
        EstimatedTime: given(row.EstimatedTime),
        InsideTeamId: given(row.InsideTeamId) !== '0' ? given(row.InsideTeamId) : undefined,
        ContactID: row.ContactID && row.ContactID !== '0' ? row.ContactID : undefined,
        Completed: 'yes',
      });
      if (!isTrue(answer.success)) throw new ApiError(502, 'upstream_error', 'Wise Agent did not mark the task done; try again.');
      return { id: taskId };
    },
  };
}
