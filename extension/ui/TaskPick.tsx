import { useEffect, useId } from 'react';
import { ContactBrief, type CrmTask, OpenTasksResponse } from '../../shared/contracts';
import { formatWhen } from '../../shared/format';
import { matchTasks } from '../../shared/tasks';
import { contactBrief, openTasks } from '../api/calls';
import { briefKey, OPEN_TASKS_KEY } from '../cache/day-cache';
import { useDayRead } from './useDayRead';

/** The open tasks to pick from: the contact's, or with no contact named, all the agent's. */
function useOpenTasks(contactId: string | undefined): { tasks?: CrmTask[]; error?: string } {
  const brief = useDayRead(contactId ? briefKey({ id: contactId }) : undefined, ContactBrief, () =>
    contactBrief(contactId ?? ''),
  );
  const all = useDayRead(contactId ? undefined : OPEN_TASKS_KEY, OpenTasksResponse, () => openTasks());
  return contactId ? { tasks: brief.data?.value.tasks, error: brief.error } : { tasks: all.data?.value.tasks, error: all.error };
}

/** The most tasks a card lists to pick from. */
const PICK_MAX = 8;

/**
 * Which open task is done. The agent's words pick it when they fit exactly one; several, or none,
 * list the candidates (or every open task) to pick from. Nothing is picked for the agent otherwise.
 */
export function TaskPick({
  said,
  contactId,
  awaitingContact,
  value,
  onChange,
}: {
  said?: string;
  contactId?: string;
  awaitingContact: boolean;
  value?: string;
  onChange: (task: CrmTask | undefined) => void;
}) {
  const name = useId();
  const read = useOpenTasks(contactId);
  const { tasks, error } = awaitingContact ? { tasks: undefined, error: undefined } : read;
  const matches = tasks ? matchTasks(said, tasks) : [];
  const pool = matches.length ? matches : (tasks ?? []);
  // The task already picked (Done on it, or by the agent) stays on the list whatever the words say.
  const chosen = tasks?.find((t) => t.id === value);
  // A long list is no pick: the soonest due are offered, and the agent narrows by name or words.
  const offered = [...(chosen ? [chosen] : []), ...pool.filter((t) => t !== chosen)].slice(0, PICK_MAX);
  const more = pool.length + (chosen && !pool.includes(chosen) ? 1 : 0) - offered.length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: decided once the tasks are read; the agent's pick stands after.
  useEffect(() => {
    if (awaitingContact) return onChange(undefined);
    if (!tasks) return;
    if (chosen) onChange(chosen);
    else if (matches.length === 1) onChange(matches[0]);
    else onChange(undefined);
  }, [tasks === undefined, contactId, awaitingContact]);

  if (awaitingContact)
    return <p className="text-xs text-slate-600 dark:text-slate-400">Their open tasks show once the contact is settled.</p>;
  if (!tasks) return <p className="text-xs text-slate-600 dark:text-slate-400">{error ?? 'Reading the open tasks…'}</p>;
  if (!tasks.length)
    return (
      <p data-testid="task-none" className="text-xs text-slate-600 dark:text-slate-400">
        No open tasks{contactId ? ' for this contact' : ''}.
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
      {more > 0 && (
        <p data-testid="task-more" className="text-xs text-slate-600 dark:text-slate-400">
          {more} more not shown: name the contact, or say more of the task’s words.
        </p>
      )}
    </fieldset>
  );
}
