import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Providers } from '../../shared/contracts';
import { heldFor } from '../api/connection';
import { OFFLINE, tooManyRequests } from '../api/explain';
import type { WorkerState } from './useConnection';

const LABELS: { [K in keyof Providers]: Record<Providers[K], string> } = {
  crm: { local: 'Local CRM', wiseagent: 'Wise Agent', followupboss: 'Follow Up Boss' },
  mls: { sample: 'Sample MLS', realestateapi: 'RealEstateAPI', reso: 'RESO Web API' },
  llm: { none: 'Local parser', openai: 'AI planner' },
};

/** Seconds left in the pause the worker asked for, counting down. */
function usePause(heldUntil: number | undefined): number | undefined {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!heldUntil || heldUntil <= Date.now()) return;
    const tick = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= heldUntil) clearInterval(tick);
    }, 1000);
    return () => clearInterval(tick);
  }, [heldUntil]);
  return heldUntil ? heldFor({ online: true, since: 0, heldUntil }, now) : undefined;
}

const settingsLink = (
  <button type="button" className="underline" onClick={() => void browser.runtime.openOptionsPage()}>
    settings
  </button>
);

/** Whether Estait's server answers, as the last call found it; it follows every call, not only this panel's checks. */
export function WorkerStatus({ url, checking, result, connection, recheck }: WorkerState) {
  const pause = usePause(connection?.heldUntil);
  if (connection?.online === false) {
    return (
      <div
        role="status"
        data-testid="worker-status"
        data-state="offline"
        className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
      >
        <p className="flex items-center gap-2 font-medium">
          <span className="size-2 rounded-full bg-amber-500" />
          Offline
        </p>
        <p className="mt-1">{OFFLINE}</p>
        <p className="mt-1 flex items-center gap-2 text-xs opacity-80">
          Reconnecting on its own.
          <button type="button" onClick={recheck} className="underline">
            Try now
          </button>
        </p>
        <details className="mt-1 text-xs opacity-80">
          <summary className="cursor-pointer">Details</summary>
          <p data-testid="worker-status-detail">{connection.detail ?? `No answer from ${url}.`}</p>
          <p>
            Start it with <code>npm run dev</code>, or set its address in {settingsLink}.
          </p>
        </details>
      </div>
    );
  }
  if (!result || (checking && !result.reachable)) {
    return (
      <output
        className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-400"
        data-testid="worker-status"
        data-state="checking"
      >
        <span className="size-2 animate-pulse rounded-full bg-slate-400" />
        Connecting to Estait…
      </output>
    );
  }
  if (!result.reachable) {
    return (
      <div
        role="alert"
        data-testid="worker-status"
        data-state="unreachable"
        className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
      >
        <p className="font-medium">Estait’s server is not answering as it should</p>
        <p className="mt-1">{result.reason}</p>
        <p className="mt-1 text-xs opacity-80">Check its address in {settingsLink}.</p>
        <button
          type="button"
          onClick={recheck}
          className="mt-2 rounded-md bg-amber-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-amber-700"
        >
          Try again
        </button>
      </div>
    );
  }
  const { providers, version } = result.health;
  return (
    <output
      className="flex flex-col gap-1.5 text-sm"
      data-testid="worker-status"
      data-state={pause ? 'limited' : 'connected'}
      title={`${url} · v${version}`}
    >
      <span className="flex items-center gap-2 font-medium text-emerald-700 dark:text-emerald-400">
        <span className="size-2 rounded-full bg-emerald-500" />
        Connected
      </span>
      {pause && (
        <span data-testid="worker-pause" className="text-xs text-amber-700 dark:text-amber-300">
          {tooManyRequests(pause)}
        </span>
      )}
      <span className="flex flex-wrap gap-1">
        {[
          ['crm', LABELS.crm[providers.crm]],
          ['mls', LABELS.mls[providers.mls]],
          ['llm', LABELS.llm[providers.llm]],
        ].map(([kind, label]) => (
          <span
            key={kind}
            className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300"
          >
            {label}
          </span>
        ))}
      </span>
    </output>
  );
}
