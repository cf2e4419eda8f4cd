import { describe, expect, it } from 'vitest';
import { addDays, dateIn, isOverdue, orderAgenda, sortTasks } from './agenda';
import type { AgendaItem } from './contracts';

const task = (title: string, due: string | undefined, overdue = false): AgendaItem => ({
  kind: 'task',
  task: { id: title, title, done: false, ...(due && { due }) },
  overdue,
});
const showing = (title: string, start: string): AgendaItem => ({ kind: 'showing', event: { id: title, title, start } });
const lead = (name: string, addedAt: string): AgendaItem => ({
  kind: 'new_lead',
  contact: { id: name, firstName: name },
  addedAt,
});
const label = (i: AgendaItem) => (i.kind === 'task' ? i.task.title : i.kind === 'showing' ? i.event.title : i.contact.firstName);

describe('the order of the day', () => {
  it('puts overdue first (oldest first), then today by time, then untimed tasks, then new leads newest first', () => {
    const day = orderAgenda([
      lead('Older lead', '2026-12-01T10:00:00Z'),
      task('Untimed', '2026-12-04'),
      showing('Showing at 2', '2026-12-04T14:00'),
      task('Call at 9', '2026-12-04T09:00'),
      task('Late two days', '2026-12-02', true),
      lead('Newer lead', '2026-12-03T10:00:00Z'),
      task('Late four days', '2026-11-30T16:00', true),
    ]);
    expect(day.map(label)).toEqual([
      'Late four days',
      'Late two days',
      'Call at 9',
      'Showing at 2',
      'Untimed',
      'Newer lead',
      'Older lead',
    ]);
  });

  it('sorts a contact’s open tasks by due day and time, undated last', () => {
    const tasks = [
      { title: 'b', due: undefined },
      { title: 'a', due: '2026-12-05' },
      { title: 'c', due: '2026-12-01T10:00' },
    ];
    expect(sortTasks(tasks).map((t) => t.title)).toEqual(['c', 'a', 'b']);
  });

  it('reads days in the agent’s zone', () => {
    const at = new Date('2026-12-05T03:00:00Z');
    expect(dateIn('America/Chicago', at)).toBe('2026-12-04');
    expect(dateIn('Europe/Berlin', at)).toBe('2026-12-05');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isOverdue({ due: '2026-12-03T23:00' }, '2026-12-04')).toBe(true);
    expect(isOverdue({ due: '2026-12-04T08:00' }, '2026-12-04')).toBe(false);
    expect(isOverdue({}, '2026-12-04')).toBe(false);
  });
});
