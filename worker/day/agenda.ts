import { addDays, isOverdue, orderAgenda } from '../../shared/agenda';
import { type Agenda, type AgendaItem, NEW_LEAD_DAYS } from '../../shared/contracts';
import type { CrmProvider } from '../crm/provider';
import { zonedIso } from '../crm/zoned';
import { readParts } from './parts';

/**
 * The agent's day. Today: open tasks due today or before (the late ones flagged against `now`), the
 * day's showings, and leads added in the week before with no note or call yet. Another day: the tasks
 * due that day and its showings. In AGENDA_RULE's order.
 */
export async function readAgenda(crm: CrmProvider, date: string, now: string, tz: string): Promise<Agenda> {
  const today = date === now.slice(0, 10);
  const { values, unavailable } = await readParts({
    tasks: { part: 'tasks', read: crm.openTasks({ dueBy: date }), empty: [] },
    showings: { part: 'showings', read: crm.events({ from: date, to: date }), empty: [] },
    leads: {
      part: 'leads',
      read: today ? crm.newLeads(zonedIso(`${addDays(date, -NEW_LEAD_DAYS)}T00:00`, tz)) : Promise.resolve([]),
      empty: [],
    },
  });
  const due = (day: string) => (today ? day <= date : day === date);
  const items: AgendaItem[] = [
    ...values.tasks
      .filter((task) => !task.done && task.due && due(task.due.slice(0, 10)))
      .map((task) => ({ kind: 'task' as const, task, overdue: isOverdue(task, now) })),
    ...values.showings.map((event) => ({ kind: 'showing' as const, event })),
    ...values.leads.map(({ contact, addedAt }) => ({ kind: 'new_lead' as const, contact, addedAt })),
  ];
  return { date, items: orderAgenda(items), unavailable, provider: crm.name };
}
