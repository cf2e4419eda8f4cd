import { z } from 'zod';
import { Crm } from './api';
import { CallOutcome, LocalDate, LocalDateTime } from './command';
import { CrmContact } from './crm';
import { ListingRead } from './page';
import { TimeZone } from './time';

/** How much of a note or call a brief carries: a few lines, as the card shows them. */
export const ENTRY_TEXT_MAX = 600;
/** The notes and calls a brief carries, newest first. */
export const BRIEF_ENTRIES = 8;

/** A note or a call on a contact, as the CRM keeps it. */
export const BriefEntry = z.object({
  id: z.string(),
  kind: z.enum(['note', 'call']),
  /** When it was written or the call was made. */
  at: z.iso.datetime({ offset: true }),
  subject: z.string().optional(),
  text: z.string().max(ENTRY_TEXT_MAX),
  outcome: CallOutcome.optional(),
});
export type BriefEntry = z.infer<typeof BriefEntry>;

/** A task, its due day (and time, when it has one) in the agent's zone. */
export const CrmTask = z.object({
  id: z.string(),
  title: z.string(),
  due: z.union([LocalDate, LocalDateTime]).optional(),
  done: z.boolean(),
  contactId: z.string().optional(),
  contactName: z.string().optional(),
});
export type CrmTask = z.infer<typeof CrmTask>;

/** A showing or an appointment on the calendar, its times in the agent's zone. */
export const CrmEvent = z.object({
  id: z.string(),
  title: z.string(),
  start: LocalDateTime,
  end: LocalDateTime.optional(),
  address: z.string().optional(),
  contactId: z.string().optional(),
  contactName: z.string().optional(),
});
export type CrmEvent = z.infer<typeof CrmEvent>;

/** A listing saved to a contact ("Maria is interested in this house"). */
export const SavedListing = z.object({
  listing: ListingRead,
  savedAt: z.iso.datetime({ offset: true }).optional(),
});
export type SavedListing = z.infer<typeof SavedListing>;

/** The parts of a brief or a day, each read from the CRM on its own. */
export const DayPart = z.enum(['activity', 'tasks', 'showings', 'saved', 'leads']);
export type DayPart = z.infer<typeof DayPart>;
/** A part the CRM does not keep, or would not give (a scope not granted, an outage): said, never shown as empty. */
export const Unavailable = z.object({ part: DayPart, reason: z.string() });
export type Unavailable = z.infer<typeof Unavailable>;

/** `?tz=` for the reads of a day: "today" and "overdue" are the agent's, not the server's. */
export const DayQuery = z.strictObject({ tz: TimeZone.optional() });
export const AgendaQuery = z.strictObject({ date: LocalDate.optional(), tz: TimeZone.optional() });
export const ContactIdParam = z.strictObject({ id: z.string().trim().min(1).max(64) });
/**
 * A brief's query: the zone, and what the page showed of the contact when the id is the page's
 * (another CRM's id finds no one here, and the details find them instead).
 */
export const BriefQuery = DayQuery.extend({
  email: z.email().max(254).optional(),
  phone: z.string().trim().min(7).max(40).optional(),
  name: z.string().trim().min(1).max(120).optional(),
});
export type BriefQuery = z.infer<typeof BriefQuery>;

/** The agent's open tasks, any due or none: GET /v1/tasks, what a task said done with nobody named is found among. */
export const OpenTasksResponse = z.object({ tasks: z.array(CrmTask), provider: Crm });
export type OpenTasksResponse = z.infer<typeof OpenTasksResponse>;

/** Who this is, what was last said, what is due and next: GET /v1/contacts/:id/brief. */
export const ContactBrief = z.object({
  contact: CrmContact,
  /** Notes and calls, newest first. */
  activity: z.array(BriefEntry),
  /** Open tasks, the most overdue first, then by due day and time; undated last. */
  tasks: z.array(CrmTask),
  /** Showings from today on, soonest first: the first is the next one. */
  showings: z.array(CrmEvent),
  saved: z.array(SavedListing),
  unavailable: z.array(Unavailable),
  provider: Crm,
  /** The agent's day the brief was read on: what "overdue" is measured against. */
  today: LocalDate,
});
export type ContactBrief = z.infer<typeof ContactBrief>;

/** One line of the day, and why it is there. */
export const AgendaItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('task'), task: CrmTask, overdue: z.boolean() }),
  z.object({ kind: z.literal('showing'), event: CrmEvent }),
  /** A lead added lately that has no note or call yet. */
  z.object({ kind: z.literal('new_lead'), contact: CrmContact, addedAt: z.iso.datetime({ offset: true }) }),
]);
export type AgendaItem = z.infer<typeof AgendaItem>;

/** The agent's day: GET /v1/agenda?date=. Items in the order `orderAgenda` gives. */
export const Agenda = z.object({
  date: LocalDate,
  items: z.array(AgendaItem),
  unavailable: z.array(Unavailable),
  provider: Crm,
});
export type Agenda = z.infer<typeof Agenda>;

/** How many days back a lead with no note or call yet still counts as new. */
export const NEW_LEAD_DAYS = 7;
