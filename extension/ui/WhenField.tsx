import { useId, useState } from 'react';
import { parseLocalNow, takeDate } from '../../shared/commands/dates';
import { formatWhen } from '../../shared/format';
import { agentNow } from '../clock';

/** A day and an optional time, as the card edits them. */
export type When = { date: string; time: string };

export const whenOf = (value: string | undefined): When => {
  const [date = '', time = ''] = (value ?? '').split('T');
  return { date, time };
};
export const whenValue = ({ date, time }: When) => (date ? (time ? `${date}T${time}` : date) : undefined);

/** Late or early enough that it is probably a slip of am/pm. */
const NIGHT = (hour: number) => hour < 7 || hour >= 21;

/** What the agent should look at twice: a time already gone, or one in the middle of the night. */
export function whenWarning(when: When, now = agentNow().now): string | undefined {
  const value = whenValue(when);
  if (!value) return undefined;
  const compared = when.time ? value : `${when.date}T23:59`;
  if (compared < now) return 'That is in the past.';
  if (when.date > `${Number(now.slice(0, 4)) + 1}${now.slice(4, 10)}`) return 'That is more than a year away.';
  const hour = Number(when.time.split(':')[0]);
  if (when.time && NIGHT(hour)) return 'That is at night — check am/pm.';
  return undefined;
}

const input =
  'rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100';

/**
 * A date and time as people read them ("Fri, Mar 13, 10:00 AM"), with the browser's own date and
 * time inputs, and a line that takes words ("next friday 10am").
 */
export function WhenField({
  label,
  value,
  onChange,
  timeRequired,
}: {
  label: string;
  value: When;
  onChange: (next: When) => void;
  timeRequired: boolean;
}) {
  const id = useId();
  const [words, setWords] = useState('');
  const [unread, setUnread] = useState(false);
  const warning = whenWarning(value);

  const readWords = () => {
    const typed = words.trim();
    if (!typed) return;
    const { now, tz } = agentNow();
    const found = takeDate(typed, parseLocalNow(now, tz));
    setUnread(!found);
    if (!found) return;
    onChange(whenOf(found.dateTime ?? found.date));
    setWords('');
  };

  return (
    <fieldset
      className="flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-400"
      data-testid={`when-${label.toLowerCase()}`}
    >
      <legend className="mb-0.5">{label}</legend>
      <p data-testid="when-text" className="text-sm font-medium text-slate-900 dark:text-slate-100">
        {formatWhen(whenValue(value)) ?? (timeRequired ? 'Pick a day and time' : 'No due date')}
      </p>
      <div className="flex gap-2">
        <input
          type="date"
          aria-label={`${label} date`}
          value={value.date}
          onChange={(e) => onChange({ ...value, date: e.target.value })}
          className={input}
        />
        <input
          type="time"
          aria-label={`${label} time`}
          value={value.time}
          onChange={(e) => onChange({ ...value, time: e.target.value })}
          className={input}
        />
      </div>
      <label htmlFor={id} className="sr-only">
        {label} in words
      </label>
      <input
        id={id}
        placeholder="or type it: next friday 10am"
        value={words}
        onChange={(e) => setWords(e.target.value)}
        onBlur={readWords}
        onKeyDown={(e) => {
          // Enter here reads the words; it does not confirm the card yet.
          if (e.key === 'Enter' && words.trim()) {
            e.preventDefault();
            e.stopPropagation();
            readWords();
          }
        }}
        className={input}
      />
      {unread && <p className="text-red-700 dark:text-red-400">Estait could not read that as a date.</p>}
      {warning && (
        <p role="alert" data-testid="when-warning" className="text-amber-800 dark:text-amber-300">
          {warning}
        </p>
      )}
    </fieldset>
  );
}
