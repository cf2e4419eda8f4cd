import { useState } from 'react';
import { AGENDA_RULE, dateIn } from '../../shared/agenda';
import { Agenda, type AgendaItem } from '../../shared/contracts';
import { formatClock, formatWhen, fullName } from '../../shared/format';
import { agenda } from '../api/calls';
import { agendaKey } from '../cache/day-cache';
import { agentNow, agentZone } from '../clock';
import { ContactBrief } from './ContactBrief';
import { timeAgo } from './describe';
import { type ContactActions, completeProposal } from './next-steps';
import { useDayRead } from './useDayRead';

const chip =
  'rounded-full border border-brand-600 px-2 py-0.5 text-xs text-brand-700 hover:bg-brand-50 dark:text-brand-100 dark:hover:bg-slate-800';
const muted = 'text-xs text-slate-600 dark:text-slate-400';

/** When a late task was due: its time if that was today ("8:15 AM"), else its day. */
const wasDue = (due: string, now: string) =>
  due.slice(0, 10) === now.slice(0, 10) ? (formatClock(due) ?? 'today') : (formatWhen(due) ?? due);

/** One line of the day: what it is, whose, and why it is on the list. */
function lineOf(
  item: AgendaItem,
  now: string,
): {
  id: string;
  title: string;
  why: string;
  who?: string;
  contactId?: string;
  late?: boolean;
} {
  if (item.kind === 'task') {
    const { task } = item;
    const due = task.due?.includes('T') ? `due ${formatClock(task.due)}` : 'due today';
    return {
      id: `task:${task.id}`,
      title: task.title,
      why: item.overdue && task.due ? `Overdue · was due ${wasDue(task.due, now)}` : `Task · ${due}`,
      who: task.contactName,
      contactId: task.contactId,
      late: item.overdue,
    };
  }
  if (item.kind === 'showing') {
    const { event } = item;
    return {
      id: `showing:${event.id}`,
      title: event.address ?? event.title,
      why: `Showing · ${formatClock(event.start)}`,
      who: event.contactName,
      contactId: event.contactId,
    };
  }
  return {
    id: `lead:${item.contact.id}`,
    title: fullName(item.contact),
    why: `New lead · added ${timeAgo(Date.parse(item.addedAt))} · no note or call yet`,
    contactId: item.contact.id,
  };
}

/**
 * The agent's day from the CRM — overdue and due tasks, showings, new leads nobody has called — in
 * the order AGENDA_RULE says (shown above the list). A row opens its contact's brief here.
 */
export function AgendaList({ date, actions }: { date?: string; actions: ContactActions }) {
  const day = date ?? dateIn(agentZone());
  const read = useDayRead(agendaKey(day), Agenda, () => agenda(day));
  const [open, setOpen] = useState<string>();
  const value = read.data?.value;
  const { now } = agentNow();
  if (open)
    return (
      <section className="flex flex-col gap-2">
        <button
          type="button"
          onClick={() => setOpen(undefined)}
          className="self-start text-xs text-brand-700 underline dark:text-brand-100"
        >
          ← Back to the day
        </button>
        <ContactBrief briefRef={{ id: open }} actions={actions} />
      </section>
    );
  return (
    <section data-testid="agenda" aria-label={`Your day: ${formatWhen(day)}`} className="flex flex-col gap-2">
      <header>
        <h2 className="text-sm font-semibold">{day === dateIn(agentZone()) ? 'Today' : formatWhen(day)}</h2>
        <p className={muted}>{AGENDA_RULE}</p>
      </header>
      {!value && <p className={muted}>{read.error ?? 'Reading the CRM…'}</p>}
      {value && read.error && (
        <p className="text-xs text-amber-700 dark:text-amber-300">
          Saved {timeAgo(read.data?.fetchedAt ?? 0)}; {read.error}
        </p>
      )}
      {value && !value.items.length && <p className="text-sm">Nothing due, no showings and no new leads waiting.</p>}
      {value && value.items.length > 0 && (
        <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 dark:divide-slate-900 dark:border-slate-800">
          {value.items.map((item) => {
            const line = lineOf(item, now);
            return (
              <li
                key={line.id}
                data-testid="agenda-item"
                data-kind={item.kind}
                className="flex items-center justify-between gap-2 px-3 py-2 text-sm"
              >
                <span className="flex min-w-0 flex-col">
                  {line.contactId ? (
                    <button
                      type="button"
                      onClick={() => setOpen(line.contactId)}
                      className="text-left font-medium hover:underline"
                      aria-label={`${line.title}${line.who ? ` — ${line.who}` : ''}: open the brief`}
                    >
                      {line.title}
                    </button>
                  ) : (
                    <span className="font-medium">{line.title}</span>
                  )}
                  <span className={line.late ? 'text-xs font-medium text-red-700 dark:text-red-400' : muted}>
                    {line.why}
                    {line.who && ` · ${line.who}`}
                  </span>
                </span>
                {item.kind === 'task' && (
                  <button
                    type="button"
                    aria-label={`Done: ${item.task.title}`}
                    onClick={() => actions.propose(completeProposal(item.task, undefined))}
                    className={chip}
                  >
                    Done
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {value?.unavailable.map((u) => (
        <p key={u.part} className={muted}>
          {u.part === 'tasks' ? 'Tasks' : u.part === 'showings' ? 'Showings' : 'New leads'}: {u.reason}
        </p>
      ))}
    </section>
  );
}
