import type { AgendaItem, CrmEvent, CrmTask } from './contracts';

/** The order the day is shown in, in the agent's words (the Today tab shows it above the list). */
export const AGENDA_RULE =
  'Overdue first, then the day by time, then tasks with no time, then (today) new leads with no note or call yet.';

/** The agent's date (YYYY-MM-DD) in `tz` at `at`. */
export function dateIn(tz: string, at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** `date` moved by `days` (calendar days, no zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Wall-clock time (YYYY-MM-DDTHH:mm) in `tz` at `at`: the agent's now, or a CRM's instant as the agent reads it. */
export function wallTimeIn(tz: string, at: Date = new Date()): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * Whether a task is late at `now` (the agent's "YYYY-MM-DDTHH:mm", or a day): a task with a time once
 * that time has passed, one with only a day once the day has.
 */
export const isOverdue = (task: Pick<CrmTask, 'due'>, now: string) =>
  !!task.due && (task.due.includes('T') ? task.due < now.slice(0, 16) : task.due < now.slice(0, 10));

/**
 * A day's tasks with a time come before its tasks with none (a 9:00 AM task already past is more
 * late than one due by the end of today); undated tasks after every dated one.
 */
const dueKey = (task: Pick<CrmTask, 'due'>) =>
  task.due ? (task.due.includes('T') ? task.due : `${task.due}T99:99`) : '9999-12-31T99:99';

/** Open tasks: the most overdue first, then by due day and time (a day's untimed tasks last), undated last. */
export const sortTasks = <T extends Pick<CrmTask, 'due' | 'title'>>(tasks: T[]): T[] =>
  [...tasks].sort((a, b) => dueKey(a).localeCompare(dueKey(b)) || a.title.localeCompare(b.title));

/** Showings soonest first. */
export const sortEvents = <T extends Pick<CrmEvent, 'start'>>(events: T[]): T[] =>
  [...events].sort((a, b) => a.start.localeCompare(b.start));

/**
 * Where an item stands in the day (AGENDA_RULE): overdue tasks (oldest first), then what has a time
 * today (showings and timed tasks, by time), then today's tasks with no time, then new leads, newest first.
 */
function rank(item: AgendaItem): [number, string] {
  if (item.kind === 'task') {
    const due = item.task.due ?? '';
    if (item.overdue) return [0, due];
    return due.includes('T') ? [1, due.slice(11)] : [2, item.task.title.toLowerCase()];
  }
  if (item.kind === 'showing') return [1, item.event.start.slice(11)];
  return [3, invert(item.addedAt)];
}

/** Sorts newest first within an ascending sort. */
const invert = (iso: string) => String(9e15 - new Date(iso).getTime()).padStart(16, '0');

export function orderAgenda(items: AgendaItem[]): AgendaItem[] {
  return items
    .map((item) => ({ item, key: rank(item) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1].localeCompare(b.key[1]))
    .map(({ item }) => item);
}
