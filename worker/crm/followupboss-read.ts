import { z } from 'zod';
import { wallTimeIn } from '../../shared/agenda';
import {
  type BriefEntry,
  CallOutcome,
  type CrmContact,
  type CrmEvent,
  type CrmTask,
  ENTRY_TEXT_MAX,
  Listing,
} from '../../shared/contracts';
import { ApiError } from '../errors';
import { OUTCOME_WORDS } from './provider';

/**
 * Follow Up Boss's answers as Estait reads them (docs.followupboss.com reference: People, Notes,
 * Calls, Tasks, Appointments, Events). Each record is checked on its own: one Estait cannot read is
 * left out rather than failing the whole list; an answer that is not a list at all is a 502.
 */

/** A field FUB may leave out or send as null. */
const opt = <T extends z.ZodType>(t: T) => t.nullish().transform((v) => v ?? undefined);
/** A FUB time ("2026-03-11T15:00:00Z"), as an ISO instant. */
const Instant = z.string().transform((s, ctx) => {
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) {
    ctx.addIssue({ code: 'custom', message: 'a time' });
    return z.NEVER;
  }
  return new Date(ms).toISOString();
});

export const Person = z.object({
  id: z.number(),
  firstName: opt(z.string()),
  lastName: opt(z.string()),
  emails: opt(z.array(z.object({ value: opt(z.string()) }))),
  phones: opt(z.array(z.object({ value: opt(z.string()) }))),
  source: opt(z.string()),
  created: opt(Instant),
});
export type Person = z.infer<typeof Person>;

export const Note = z.object({
  id: z.number(),
  created: Instant,
  subject: opt(z.string()),
  body: opt(z.string()),
  isHtml: opt(z.boolean()),
});
export const Call = z.object({ id: z.number(), created: Instant, outcome: opt(z.string()), note: opt(z.string()) });

/** FUB answers isCompleted as a boolean (older answers: 0 or 1). */
export const Task = z.object({
  id: z.number(),
  personId: opt(z.number()),
  name: z.string(),
  type: opt(z.string()),
  isCompleted: opt(z.union([z.boolean(), z.number()])).transform(Boolean),
  dueDate: opt(z.string().regex(/^\d{4}-\d{2}-\d{2}/)),
  dueDateTime: opt(Instant),
  updated: opt(Instant),
});
export type Task = z.infer<typeof Task>;

export const Appointment = z.object({
  id: z.number(),
  title: opt(z.string()),
  start: Instant,
  end: opt(Instant),
  location: opt(z.string()),
  invitees: opt(z.array(z.object({ personId: opt(z.number()), name: opt(z.string()) }))),
});

const num = opt(z.number().nonnegative());
export const Inquiry = z.object({
  id: z.number(),
  created: opt(Instant),
  message: opt(z.string()),
  property: opt(
    z.object({
      street: opt(z.string()),
      city: opt(z.string()),
      state: opt(z.string()),
      code: opt(z.string()),
      mlsNumber: opt(z.string()),
      price: num,
      bedrooms: num,
      bathrooms: num,
      area: num,
      url: opt(z.string()),
    }),
  ),
});
export type Inquiry = z.infer<typeof Inquiry>;

const unreadable = () => new ApiError(502, 'upstream_error', 'Follow Up Boss answered in a form Estait cannot read.');

/** One record of a FUB answer (GET /…/:id). */
export async function one<S extends z.ZodType>(res: Response, schema: S): Promise<z.output<S>> {
  const parsed = schema.safeParse(await res.json().catch(() => undefined));
  if (!parsed.success) throw unreadable();
  return parsed.data;
}

const Page = z.record(z.string(), z.unknown());

/** The records of a FUB list answer ({_metadata, <collection>: […]}) that Estait can read. */
export async function rows<S extends z.ZodType>(res: Response, collection: string, schema: S): Promise<z.output<S>[]> {
  const page = Page.safeParse(await res.json().catch(() => undefined));
  const list = page.success ? z.array(z.unknown()).safeParse(page.data[collection] ?? []) : undefined;
  if (!list?.success) throw unreadable();
  return list.data.flatMap((r) => {
    const row = schema.safeParse(r);
    return row.success ? [row.data] : [];
  });
}

export const toContact = (p: Person): CrmContact => ({
  id: String(p.id),
  firstName: p.firstName ?? '',
  ...(p.lastName && { lastName: p.lastName }),
  ...(p.emails?.[0]?.value && { email: p.emails[0].value }),
  ...(p.phones?.[0]?.value && { phone: p.phones[0].value }),
  ...(p.source && { source: p.source }),
});

/** Task types that are on the calendar: read as showings when they have a time, not as tasks. */
const CALENDAR_TYPES = ['Showing', 'Appointment', 'Open House'];
export const SHOWING_TYPES = CALENDAR_TYPES.join(',');
export const isCalendarTask = (t: Task) => !!t.dueDateTime && CALENDAR_TYPES.includes(t.type ?? '');

/**
 * A task's due day and time in the agent's zone. FUB may send a day and an instant both; when they
 * disagree on the day (an all-day task stored at some hour), the day it names wins, without a time.
 */
function dueOf(t: Task, tz: string): string | undefined {
  const day = t.dueDate?.slice(0, 10);
  const local = t.dueDateTime && wallTimeIn(tz, new Date(t.dueDateTime));
  return local && (!day || local.startsWith(day)) ? local : day;
}

export function toTask(t: Task, tz: string, names: Map<number, string> = new Map()): CrmTask {
  const due = dueOf(t, tz);
  const contactName = t.personId !== undefined ? names.get(t.personId) : undefined;
  return {
    id: String(t.id),
    title: t.name,
    ...(due && { due }),
    done: t.isCompleted,
    ...(t.personId !== undefined && t.personId > 0 && { contactId: String(t.personId) }),
    ...(contactName && { contactName }),
  };
}

export function appointmentEvent(a: z.output<typeof Appointment>, tz: string): CrmEvent {
  const invitee = a.invitees?.find((i) => i.personId !== undefined);
  return {
    id: `appointment:${a.id}`,
    title: a.title ?? a.location ?? 'Appointment',
    start: wallTimeIn(tz, new Date(a.start)),
    ...(a.end && { end: wallTimeIn(tz, new Date(a.end)) }),
    ...(a.location && { address: a.location }),
    ...(invitee?.personId !== undefined && { contactId: String(invitee.personId) }),
    ...(invitee?.name && { contactName: invitee.name }),
  };
}

/** A showing Estait scheduled is a task named "Showing at <address>" (see scheduleShowing). */
export function taskEvent(t: Task & { dueDateTime: string }, tz: string, names: Map<number, string>): CrmEvent {
  const address = /^Showing at (.+)$/.exec(t.name)?.[1];
  const contactName = t.personId !== undefined ? names.get(t.personId) : undefined;
  return {
    id: `task:${t.id}`,
    title: t.name,
    start: wallTimeIn(tz, new Date(t.dueDateTime)),
    ...(address && { address }),
    ...(t.personId !== undefined && t.personId > 0 && { contactId: String(t.personId) }),
    ...(contactName && { contactName }),
  };
}

/** The mark Estait leaves in what it writes, so a retry finds it: noise in a brief. */
const MARK = /\s*\(via Estait \w+\)/g;
/** The subject of a note or call-as-note Estait wrote: "Note via Estait (ref)", "Call via Estait (ref): No answer". */
const OWN_SUBJECT = /^(Note|Call) via Estait \(\w+\)(?::\s*(.+))?$/;
const WORDS_OUTCOME = new Map(Object.entries(OUTCOME_WORDS).map(([k, v]) => [v, k]));
/** FUB's call outcomes (POST /v1/calls) in the agent's three words: a conversation, a message, or none. */
const FUB_OUTCOME: Record<string, CallOutcome> = {
  Interested: 'connected',
  'Not Interested': 'connected',
  'Left Message': 'left_voicemail',
  'No Answer': 'no_answer',
  Busy: 'no_answer',
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
const plain = (html: string) =>
  html
    .replace(/<br\s*\/?>|<\/p>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e] ?? '');
const cut = (text: string) => {
  const t = text.replace(MARK, '').trim();
  return t.length > ENTRY_TEXT_MAX ? `${t.slice(0, ENTRY_TEXT_MAX - 1)}…` : t;
};

export function noteEntry(n: z.output<typeof Note>): BriefEntry {
  const text = cut(n.isHtml ? plain(n.body ?? '') : (n.body ?? ''));
  const own = n.subject ? OWN_SUBJECT.exec(n.subject) : null;
  if (own?.[1] === 'Call') {
    // A call kept as a note (a person with no phone): shown as the call it was.
    const outcome = CallOutcome.safeParse(own[2] && WORDS_OUTCOME.get(own[2]));
    return { id: `note:${n.id}`, kind: 'call', at: n.created, text, ...(outcome.success && { outcome: outcome.data }) };
  }
  const subject = own ? undefined : n.subject?.trim();
  return { id: `note:${n.id}`, kind: 'note', at: n.created, ...(subject && { subject }), text };
}

export function callEntry(c: z.output<typeof Call>): BriefEntry {
  const note = c.note ?? '';
  // Estait logs a connected call with no FUB outcome and "Connected." first in its note.
  const connected = !c.outcome && /^Connected\./.test(note);
  const outcome = connected ? 'connected' : c.outcome ? FUB_OUTCOME[c.outcome] : undefined;
  return {
    id: `call:${c.id}`,
    kind: 'call',
    at: c.created,
    text: cut(connected ? note.replace(/^Connected\.\s*/, '') : note),
    ...(outcome && { outcome }),
  };
}

/** A Property Inquiry's property as a listing, when it is one Estait can show. */
export function inquiryListing(e: Inquiry): Listing | undefined {
  const p = e.property;
  if (!p?.street) return undefined;
  const state = p.state && /^[A-Za-z]{2}$/.test(p.state) ? p.state.toUpperCase() : undefined;
  const zip = p.code && /^\d{5}/.test(p.code) ? p.code.slice(0, 5) : undefined;
  const listing = Listing.safeParse({
    address: [p.street, p.city, [state, zip].filter(Boolean).join(' ')].filter(Boolean).join(', '),
    street: p.street,
    city: p.city,
    state,
    zip,
    mlsId: p.mlsNumber,
    price: p.price,
    beds: p.bedrooms,
    baths: p.bathrooms,
    sqft: p.area,
    url: p.url && /^https?:\/\//.test(p.url) ? p.url : undefined,
  });
  return listing.success ? listing.data : undefined;
}
