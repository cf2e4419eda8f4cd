import { useEffect, useId } from 'react';
import { dateIn } from '../../shared/agenda';
import { Agenda, ContactBrief, type CrmTask } from '../../shared/contracts';
import { formatWhen } from '../../shared/format';
import { matchTasks } from '../../shared/tasks';
import { agenda, contactBrief } from '../api/worker';
import { agendaKey, briefKey } from '../cache/day-cache';
import { useDayRead } from './useDayRead';

const today = () => dateIn(Intl.DateTimeFormat().resolvedOptions().timeZone);

/** The open tasks to pick from: the contact's, or with no contact, the day's. */
function useOpenTasks(contactId: string | undefined): { tasks?: CrmTask[]; error?: string } {
  const brief = useDayRead(contactId ? briefKey({ id: contactId }) : undefined, ContactBrief, () =>
    contactBrief(contactId ?? ''),
  );
  const day = useDayRead(contactId ? undefined : agendaKey(today()), Agenda, () => agenda());
  if (contactId) return { tasks: brief.data?.value.tasks, error: brief.error };
  const tasks = day.data?.value.items.flatMap((i) => (i.kind === 'task' ? [i.task] : []));
  return { tasks, error: day.error };
}

/**
 * Which open task is done. The agent's words pick it when they fit exactly one; several, or none,
 * list the candidates (or every open task) to pick from. Nothing is picked for the agent otherwise.
 */
export function TaskPick({
  said,
  contactId,
  value,
  onChange,
}: {
  said?: string;
  contactId?: string;
  value?: string;
  onChange: (task: CrmTask | undefined) => void;
}) {
  const name = useId();
  const { tasks, error } = useOpenTasks(contactId);
  const matches = tasks ? matchTasks(said, tasks) : [];
  const offered = matches.length ? matches : (tasks ?? []);
  const chosen = offered.find((t) => t.id === value);
  // biome-ignore lint/correctness/useExhaustiveDependencies: decided once the tasks are read; the agent's pick stands after.
  useEffect(() => {
    if (!tasks) return;
    if (chosen) onChange(chosen);
    else if (matches.length === 1) onChange(matches[0]);
    else onChange(undefined);
  }, [tasks === undefined, contactId]);

  if (!tasks) return <p className="text-xs text-slate-600 dark:text-slate-400">{error ?? 'Reading the open tasks…'}</p>;
  if (!tasks.length)
    return (
      <p data-testid="task-none" className="text-xs text-slate-600 dark:text-slate-400">
        No open tasks{contactId ? ' for this contact' : ' due today'}.
      </p>
    );
  return (
    <fieldset data-testid="task-pick" className="flex flex-col gap-1 text-sm">
      <legend className="text-xs text-slate-600 dark:text-slate-400">
        {matches.length === 1
          ? 'Task'
          : matches.length
            ? `${matches.length} open tasks match “${said}”: pick one`
            : said
              ? `No open task matches “${said}”: pick one`
              : 'Which task is done?'}
      </legend>
      {offered.map((task) => (
        <label key={task.id} className="flex items-start gap-2">
          <input
            type="radio"
            name={name}
            value={task.id}
            checked={task.id === value}
            onChange={() => onChange(task)}
            className="mt-1"
          />
          <span className="flex flex-col">
            <span data-testid="task-title">{task.title}</span>
            <span className="text-xs text-slate-600 dark:text-slate-400">
              {[task.due ? `Due ${formatWhen(task.due)}` : 'No due date', !contactId && task.contactName]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
