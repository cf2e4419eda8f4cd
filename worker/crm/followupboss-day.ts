import { z } from 'zod';
import { addDays, sortEvents, sortTasks } from '../../shared/agenda';
import type { SavedListing } from '../../shared/contracts';
import { fullName } from '../../shared/format';
import { ApiError } from '../errors';
import {
  Appointment,
  appointmentEvent,
  Call,
  callEntry,
  Inquiry,
  inquiryListing,
  isCalendarTask,
  Note,
  noteEntry,
  one,
  Person,
  rows,
  SHOWING_TYPES,
  Task,
  taskEvent,
  toContact,
  toTask,
} from './followupboss-read';
import { type CrmProvider, listingKey, SKEW_MS } from './provider';
import { zonedIso } from './zoned';

/** A call to Follow Up Boss's /v1 API (auth, rate limits and errors handled by `upstream`). */
export type FubCall = (method: string, path: string, body?: unknown) => Promise<Response>;

/** FUB's largest page. */
const PAGE = 100;
/** How many of the newest leads are checked for a note or a call: two calls each, made at once. */
const NEW_LEADS_CHECKED = 20;
/** How many pages of open tasks are read when nothing narrows them (500 tasks). */
const ALL_TASK_PAGES = 5;

const query = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(params).flatMap(([k, v]): [string, string][] => (v === undefined ? [] : [[k, String(v)]])),
  ).toString();
const taskId = (id: string) => (/^\d{1,15}$/.test(id) ? id : undefined);
const taskNotFound = () => new ApiError(404, 'task_not_found', 'That task is not in Follow Up Boss.');

/**
 * Follow Up Boss's reads for the brief and the day, and its task completion (docs.followupboss.com
 * reference): GET /v1/notes and /v1/calls by personId; GET /v1/tasks filtered by personId,
 * isCompleted, type, assignedUserId and dueStart/dueEnd, GET and PUT /v1/tasks/:id {isCompleted};
 * GET /v1/appointments by start+end and personId (only the key's own user's appointments come back);
 * GET /v1/events by personId and type "Property Inquiry"; GET /v1/people with createdAfter and
 * sort=-created, and with ids for names. Times go to and from the agent's zone `tz`.
 */
export function fubDay(
  call: FubCall,
  tz: string,
): Pick<CrmProvider, 'activity' | 'openTasks' | 'getTask' | 'events' | 'savedListings' | 'newLeads' | 'completeTask'> {
  const get = (path: string) => call('GET', path);
  let me: Promise<number> | undefined;
  /** The key's own user: "my" tasks for the day. */
  const myId = () => {
    me ??= get('/me')
      .then((res) => one(res, z.object({ id: z.number() })))
      .then((u) => u.id);
    return me;
  };
  /** The names of people, in one call: tasks carry only a personId. */
  const names = async (ids: (number | undefined)[]) => {
    const wanted = [...new Set(ids.filter((id): id is number => id !== undefined && id > 0))].slice(0, PAGE);
    if (!wanted.length) return new Map<number, string>();
    const people = await rows(await get(`/people?${query({ ids: wanted.join(','), limit: PAGE })}`), 'people', Person);
    return new Map(people.map((p) => [p.id, fullName(toContact(p))]));
  };
  const hasAny = async (collection: 'notes' | 'calls', personId: number) =>
    (await rows(await get(`/${collection}?${query({ personId, limit: 1 })}`), collection, z.unknown())).length > 0;

  return {
    async activity(contactId, limit) {
      const q = query({ personId: contactId, sort: '-created', limit: Math.min(limit, PAGE) });
      const [notes, calls] = await Promise.all([
        get(`/notes?${q}`).then((res) => rows(res, 'notes', Note)),
        get(`/calls?${q}`).then((res) => rows(res, 'calls', Call)),
      ]);
      return [...notes.map(noteEntry), ...calls.map(callEntry)]
        .sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id))
        .slice(0, limit);
    },

    async openTasks(filter) {
      if ('contactId' in filter) {
        const q = query({ personId: filter.contactId, isCompleted: 'false', limit: PAGE });
        const tasks = await rows(await get(`/tasks?${q}`), 'tasks', Task);
        return sortTasks(tasks.filter((t) => !t.isCompleted && !isCalendarTask(t)).map((t) => toTask(t, tz)));
      }
      const { dueBy } = filter;
      const me = await myId();
      // Due before the agent's next midnight; the latest due first, so a long overdue pile cannot crowd out today.
      const page = async (offset: number) =>
        rows(
          await get(
            `/tasks?${query({
              assignedUserId: me,
              isCompleted: 'false',
              dueEnd: dueBy && zonedIso(`${addDays(dueBy, 1)}T00:00`, tz),
              sort: dueBy ? '-dueDate' : '-created',
              limit: PAGE,
              offset: offset || undefined,
            })}`,
          ),
          'tasks',
          Task,
        );
      // All of them (a task said done with nobody named is looked for among them): page on, to a bound.
      const found = await page(0);
      for (let n = 1; !dueBy && found.length === n * PAGE && n < ALL_TASK_PAGES; n++) found.push(...(await page(n * PAGE)));
      const tasks = found
        .filter((t) => !t.isCompleted && !isCalendarTask(t))
        .map((t) => ({ t, task: toTask(t, tz) }))
        .filter(({ task }) => dueBy === undefined || (!!task.due && task.due.slice(0, 10) <= dueBy));
      const named = await names(tasks.map(({ t }) => t.personId));
      return sortTasks(tasks.map(({ t }) => toTask(t, tz, named)));
    },

    async getTask(id) {
      if (!taskId(id)) return undefined;
      const res = await get(`/tasks/${id}`);
      if (res.status === 404) return undefined;
      const task = await one(res, Task);
      return toTask(task, tz, await names([task.personId]));
    },

    async events({ from, to, contactId }) {
      const start = zonedIso(`${from}T00:00`, tz);
      const end = zonedIso(`${addDays(to, 1)}T00:00`, tz);
      // Appointments, and the showings kept as tasks (what Estait's schedule_showing writes), at once.
      const [appointments, showings] = await Promise.all([
        get(`/appointments?${query({ start, end, personId: contactId, limit: PAGE })}`).then((res) =>
          rows(res, 'appointments', Appointment),
        ),
        get(`/tasks?${query({ personId: contactId, type: SHOWING_TYPES, dueStart: start, dueEnd: end, limit: PAGE })}`).then(
          (res) => rows(res, 'tasks', Task),
        ),
      ]);
      const timed = showings.filter((t): t is Task & { dueDateTime: string } => isCalendarTask(t));
      const named = contactId ? new Map<number, string>() : await names(timed.map((t) => t.personId));
      const inRange = (local: string) => local.slice(0, 10) >= from && local.slice(0, 10) <= to;
      return sortEvents(
        [...appointments.map((a) => appointmentEvent(a, tz)), ...timed.map((t) => taskEvent(t, tz, named))].filter((e) =>
          inRange(e.start),
        ),
      );
    },

    async savedListings(contactId) {
      const q = query({ personId: contactId, type: 'Property Inquiry', sort: '-created', limit: PAGE });
      const inquiries = (await rows(await get(`/events?${q}`), 'events', Inquiry)).sort((a, b) =>
        (b.created ?? '').localeCompare(a.created ?? ''),
      );
      // One home once, as last saved: a person often asks about a home more than once.
      const seen = new Set<string>();
      return inquiries.flatMap((e): SavedListing[] => {
        const listing = inquiryListing(e);
        if (!listing || seen.has(listingKey(listing))) return [];
        seen.add(listingKey(listing));
        return [{ listing, ...(e.created && { savedAt: e.created }) }];
      });
    },

    async newLeads(since) {
      const after = new Date(since).toISOString();
      const q = query({ createdAfter: after, sort: '-created', limit: NEW_LEADS_CHECKED });
      const people = (await rows(await get(`/people?${q}`), 'people', Person)).filter(
        (p): p is Person & { created: string } => !!p.created && p.created >= after,
      );
      const untouched = await Promise.all(
        people.map(async (p) => !(await Promise.all([hasAny('notes', p.id), hasAny('calls', p.id)])).some(Boolean)),
      );
      return people
        .filter((_, i) => untouched[i])
        .sort((a, b) => b.created.localeCompare(a.created))
        .map((p) => ({ contact: toContact(p), addedAt: p.created }));
    },

    async completeTask(id, { since }) {
      if (!taskId(id)) throw taskNotFound();
      const res = await get(`/tasks/${id}`);
      if (res.status === 404) throw taskNotFound();
      const task = await one(res, Task);
      if (task.isCompleted) {
        // A retry of a write whose PUT may have landed: a task done (last changed) since that write's first
        // attempt is taken as done by it. FUB keeps no completion time or writer apart from `updated`.
        const ours = since !== undefined && (!task.updated || Date.parse(task.updated) >= since - SKEW_MS);
        return { id, ...(!ours && { alreadyDone: true }) };
      }
      const put = await call('PUT', `/tasks/${id}`, { isCompleted: true });
      if (put.status === 404) throw taskNotFound();
      return { id };
    },
  };
}
