import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import type { OutboxEntry } from '../cache/db';
import { discard, retryNow, shownWrites } from '../cache/outbox';
import { INTENT_LABELS, summarize } from './describe';

const STATES: Record<OutboxEntry['state'], { label: string; tone: string }> = {
  pending: { label: 'Saving…', tone: 'text-slate-600 dark:text-slate-400' },
  retrying: { label: 'Will retry', tone: 'text-amber-700 dark:text-amber-300' },
  done: { label: 'Saved', tone: 'text-emerald-700 dark:text-emerald-400' },
  duplicate: { label: 'Already in CRM', tone: 'text-sky-700 dark:text-sky-300' },
  needs_attention: { label: 'Needs you', tone: 'text-red-700 dark:text-red-400' },
};

/** A write waiting out an outage or a sign-in, not one the worker refused or the CRM failed. */
const queued = (e: OutboxEntry) =>
  e.state === 'retrying' && (e.code === 'offline' || e.code === 'timeout' || e.code === 'signed_out');

/** What the row says under a write that has not landed: agent words for an outage, a sign-in or a pause, else the worker's own. */
function note(e: OutboxEntry): string | undefined {
  if (queued(e))
    return e.code === 'signed_out'
      ? 'Saved here. It will be sent once you connect your CRM on Estait’s options page.'
      : 'Saved here. It will be sent when Estait’s server is back.';
  if (e.state === 'retrying' && e.code === 'rate_limited')
    return `Too many requests; it will be sent at ${new Date(e.nextAt).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit', second: '2-digit' })}.`;
  return e.state === 'done' ? undefined : e.error;
}

/** Every confirmed write still on its way and the latest that landed, with where each stands; nothing confirmed disappears unsent. */
export function OutboxList({ onRetry }: { onRetry: () => void }) {
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  useEffect(() => {
    const sub = liveQuery(() => shownWrites()).subscribe(setEntries);
    return () => sub.unsubscribe();
  }, []);
  return <OutboxRows entries={entries} onRetry={onRetry} />;
}

/** The writes with where each stands; without `onRetry` (the palette), fixing one is left to the panel. */
export function OutboxRows({ entries, onRetry }: { entries: OutboxEntry[]; onRetry?: () => void }) {
  if (!entries.length) return null;
  return (
    <section aria-label="Recent writes" data-testid="outbox" className="flex flex-col gap-1">
      <h2 className="text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">Recent</h2>
      {entries.map((e) => (
        <div
          key={e.key}
          data-testid="outbox-entry"
          data-key={e.key}
          data-state={e.state}
          className="rounded-lg bg-slate-50 px-3 py-2 text-sm dark:bg-slate-900"
        >
          <div className="flex justify-between gap-2">
            <span className="truncate">
              {e.result?.summary ?? `${INTENT_LABELS[e.command.intent]}: ${summarize(e.command).join(' · ')}`}
            </span>
            <span className={`shrink-0 text-xs ${STATES[e.state].tone}`} data-testid="outbox-state">
              {queued(e)
                ? 'Queued'
                : e.state === 'duplicate' && e.command.intent === 'complete_task'
                  ? 'Already done'
                  : STATES[e.state].label}
            </span>
          </div>
          {note(e) && (
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-400" title={e.error}>
              {note(e)}
            </p>
          )}
          {e.state === 'needs_attention' && onRetry && (
            <div className="mt-1 flex gap-2 text-xs">
              <button type="button" className="underline" onClick={() => void retryNow(e.key).then(onRetry)}>
                Retry
              </button>
              <button type="button" className="underline" onClick={() => void discard(e.key)}>
                Discard
              </button>
            </div>
          )}
        </div>
      ))}
    </section>
  );
}
