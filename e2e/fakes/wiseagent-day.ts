/**
 * The Wise Agent fake's tasks, calendar and note times, and its seeding, after the API page
 * (wiseagent.com/docs/api.asp, Nov 2024): tasks GET → {Page, TotalCount, Data: [{TaskID, TaskDue,
 * Completed: "false", Priority, Description, AssignedTo, InsideTeamId, DateCreated, DateModified,
 * EstimatedTime, CompletedDate: "1/1/1900 7:00:00 AM", ContactID: "0"}]}; tasks PUT (TaskID;
 * Description, TaskDue MM/DD/YYYY, Priority 0–3, InsideTeamId, EstimatedTime 0–4, ContactID,
 * Completed yes/no) → {"success": true, "TaskID": 123}; getCalendar rows {PlannerID, Subject, Memo,
 * StartDate "5/14/2024 10:00:00 AM", EndDate, AllDayEvent, Completed, location, InsideTeamID,
 * Attendees "C1234,C4567"} in Arizona time; getContactNotes rows {NoteID, ClientID, Subject, Note,
 * NoteDate "11/2/2020 1:42:00 PM"}. The page gives no zone for NoteDate (read here as Arizona, like
 * the calendar) or CompletedDate (its examples read as UTC, as written here).
 */

import { wallTimeIn } from '../../shared/agenda';

export type Contact = {
  ClientID: number;
  CFirst: string;
  CLast: string;
  CEmail: string;
  MobilePhone: string;
  HomePhone: string;
  WorkPhone: string;
  Company: string;
  Source: string;
  Categories: string;
  Rank: string;
  Status: string | null;
  DateAddedUTC: string;
  DateUpdatedUTC: string;
  ContactUrl: string;
  CustomData: string;
};
export type Note = { NoteID: number; ClientID: number; Subject: string; Note: string; NoteDate: string };
export type Task = {
  TaskID: string;
  TaskDue: string;
  Completed: string;
  Priority: string;
  Description: string;
  AssignedTo: string;
  InsideTeamId: string;
  DateCreated: string;
  DateModified: string;
  EstimatedTime: string;
  CompletedDate: string;
  TaskNote: string;
  ContactID: string;
};
export type Event = {
  PlannerID: number;
  Subject: string;
  Memo: string | null;
  StartDate: string;
  EndDate: string;
  AllDayEvent: boolean;
  Completed: boolean;
  location: string;
  Attendees: string;
};
export type Held = { contacts: Contact[]; notes: Note[]; tasks: Task[]; events: Event[] };

/** A task never completed carries this CompletedDate, as in the docs' example. */
export const NEVER = '1/1/1900 7:00:00 AM';

/** An instant as Wise Agent writes it, "3/12/2026 10:30:00 AM", in `tz` (zones here differ by whole minutes). */
export const stamp = (at: Date, tz: string): string => written(wallTimeIn(tz, at), at.getUTCSeconds());
export const arizona = (at: Date) => stamp(at, 'America/Phoenix');
export const utc = (at: Date) => stamp(at, 'UTC');

/** Wall time "2026-03-12T10:30" as Wise Agent writes it: "3/12/2026 10:30:00 AM". */
function written(local: string, seconds = 0): string {
  const [date = '', time = '00:00'] = local.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [h = 0, mi = 0] = time.split(':').map(Number);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${m}/${d}/${y} ${two(h % 12 || 12)}:${two(mi)}:${two(seconds)} ${h < 12 ? 'AM' : 'PM'}`;
}

/**
 * What a test seeds (POST /__fake/seed), with defaults for the rest: contacts (`addedAt` an ISO
 * instant), notes (`at` an ISO instant), tasks (`due` YYYY-MM-DD, `completedAt` an ISO instant for a
 * done one), calendar events (`start`/`end` Arizona wall time YYYY-MM-DDTHH:mm). Ids come back in order.
 */
export type Seed = {
  contacts?: (Partial<Contact> & { CFirst: string; addedAt?: string })[];
  notes?: { ClientID: number; Subject?: string; Note: string; at?: string }[];
  tasks?: { Description: string; ContactID?: number | string; due?: string; completedAt?: string; Priority?: string }[];
  events?: { Subject: string; start: string; end?: string; Attendees?: string; location?: string }[];
};

export function seed(held: Held, body: Seed, nextId: () => number) {
  const now = new Date();
  const contacts = (body.contacts ?? []).map(({ addedAt, ...c }) => {
    const id = c.ClientID ?? nextId();
    const added = addedAt ? new Date(addedAt) : now;
    held.contacts.push({
      CLast: '',
      CEmail: '',
      MobilePhone: '',
      HomePhone: '',
      WorkPhone: '',
      Company: '',
      Source: '',
      Categories: '[]',
      Rank: 'Unranked',
      Status: null,
      CustomData: '[]',
      ContactUrl: `https://thewiseagent.com/secure/client/summary?clientId=${id}`,
      ...c,
      ClientID: id,
      DateAddedUTC: added.toISOString().slice(0, 19),
      DateUpdatedUTC: added.toISOString().slice(0, 19),
    });
    return id;
  });
  const notes = (body.notes ?? []).map((n) => {
    const note = {
      NoteID: nextId(),
      ClientID: n.ClientID,
      Subject: n.Subject ?? '',
      Note: n.Note,
      NoteDate: arizona(n.at ? new Date(n.at) : now),
    };
    held.notes.push(note);
    return note.NoteID;
  });
  const tasks = (body.tasks ?? []).map((t) => {
    const [y, m, d] = (t.due ?? '').split('-');
    const task: Task = {
      TaskID: String(nextId()),
      TaskDue: t.due ? `${m}/${d}/${y}` : '',
      Completed: t.completedAt ? 'true' : 'false',
      Priority: t.Priority ?? '0',
      Description: t.Description,
      AssignedTo: '',
      InsideTeamId: '0',
      DateCreated: utc(now),
      DateModified: utc(now),
      EstimatedTime: '0',
      CompletedDate: t.completedAt ? utc(new Date(t.completedAt)) : NEVER,
      TaskNote: '',
      ContactID: String(t.ContactID ?? 0),
    };
    held.tasks.push(task);
    return task.TaskID;
  });
  const events = (body.events ?? []).map((e) => {
    const event: Event = {
      PlannerID: nextId(),
      Subject: e.Subject,
      Memo: null,
      StartDate: written(e.start),
      EndDate: written(e.end ?? e.start),
      AllDayEvent: false,
      Completed: false,
      location: e.location ?? '',
      Attendees: e.Attendees ?? '',
    };
    held.events.push(event);
    return event.PlannerID;
  });
  return { contacts, notes, tasks, events };
}

/**
 * tasks PUT: the fields sent are changed, the others kept. Completed=yes closes the task (CompletedDate
 * now); a task already closed keeps its first CompletedDate.
 */
export function updateTask(tasks: Task[], p: Record<string, string>): { status: number; body: unknown } {
  const task = tasks.find((t) => t.TaskID === p.TaskID);
  if (!task) return { status: 400, body: { success: false, error: 'TaskID not found' } };
  if (p.TaskDue && !/^\d{2}\/\d{2}\/\d{4}$/.test(p.TaskDue))
    return { status: 400, body: { success: false, error: 'TaskDue must be MM/DD/YYYY' } };
  if (p.Completed && !/^(yes|no)$/i.test(p.Completed))
    return { status: 400, body: { success: false, error: 'Completed is yes or no' } };
  for (const key of ['Description', 'TaskDue', 'Priority', 'InsideTeamId', 'EstimatedTime', 'ContactID'] as const)
    if (p[key]) task[key] = p[key];
  const now = new Date();
  if (p.Completed) {
    const done = p.Completed.toLowerCase() === 'yes';
    if (done && task.Completed !== 'true') task.CompletedDate = utc(now);
    if (!done) task.CompletedDate = NEVER;
    task.Completed = String(done);
  }
  task.DateModified = utc(now);
  return { status: 200, body: JSON.stringify({ success: true, TaskID: Number(task.TaskID) }) };
}
