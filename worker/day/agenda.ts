import { addDays, isOverdue, orderAgenda } from '../../shared/agenda';
import { type Agenda, type AgendaItem, NEW_LEAD_DAYS } from '../../shared/contracts';
import type { CrmProvider } from '../crm/provider';
import { zonedIso } from '../crm/zoned';
import { readParts } from './parts';

/**
 * The agent's day: open tasks due by `date` (overdue ones flagged against `today`), the showings on
 * `date`, and leads added in the week before it with no note or call yet — in AGENDA_RULE's order.
 */
export async function readAgenda(crm: CrmProvider, date: string, today: string, tz: string): Promise<Agenda> {
  const { values, unavailable } = await readParts({
    tasks: { part: 'tasks', read: crm.openTasks({ dueBy: date }), empty: [] },
    showings: { part: 'showings', read: crm.events({ from: date, to: date }), empty: [] },
    leads: { part: 'leads', read: crm.newLeads(zonedIso(`${addDays(date, -NEW_LEAD_DAYS)}T00:00`, tz)), empty: [] },
  });
  const items: AgendaItem[] = [
    ...values.tasks
      .filter((task) => !task.done && task.due && task.due.slice(0, 10) <= date)
      .map((task) => ({ kind: 'task' as const, task, overdue: isOverdue(task, today) })),
    ...values.showings.map((event) => ({ kind: 'showing' as const, event })),
    ...values.leads.map(({ contact, addedAt }) => ({ kind: 'new_lead' as const, contact, addedAt })),
  ];
  return { date, items: orderAgenda(items), unavailable, provider: crm.name };
}
