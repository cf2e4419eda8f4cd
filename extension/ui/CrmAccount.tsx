import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { AccountResponse, Providers } from '../../shared/contracts';
import { account, execute } from '../api/calls';
import { connectFollowUpBoss, connectWiseAgent } from '../api/crm-sign-in';
import { explain } from '../api/explain';
import { signOut } from '../api/session';
import { watchSessionChanges } from '../api/session-changes';
import { flush, sendWaitingNow } from '../cache/outbox';

const ABOUT: Record<Providers['crm'], string> = {
  local: 'Contacts, notes, tasks and showings are kept in the worker’s own database; no account needed.',
  followupboss:
    'Follow Up Boss, with your own API key (in Follow Up Boss: Admin → API). The worker keeps it sealed for you alone; this browser never stores it.',
  wiseagent: 'Wise Agent, with your own sign-in. Estait never sees your password or Wise Agent’s tokens.',
};

/**
 * The agent's CRM sign-in. Wise Agent needs one (OAuth, run by the worker); after signing in, the
 * writes waiting for it are sent at once. `compact` shows only what needs doing.
 */
export function CrmAccount({ crm, compact = false }: { crm: Providers['crm'] | undefined; compact?: boolean }) {
  const [state, setState] = useState<AccountResponse>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const refresh = useCallback(() => {
    if (!crm) return;
    account()
      .then(setState)
      .catch(() => setState({ crm, connected: crm === 'local' }));
  }, [crm]);
  useEffect(refresh, [refresh]);
  // A sign-in or sign-out on another of Estait's pages (the options, another panel) shows here too.
  useEffect(
    () =>
      watchSessionChanges(() => {
        setError(undefined);
        refresh();
      }),
    [refresh],
  );

  /** Signs in; false when the CRM or the worker refused, with the reason shown. */
  async function connect(apiKey?: string): Promise<boolean> {
    setBusy(true);
    setError(undefined);
    try {
      setState(await (apiKey === undefined ? connectWiseAgent() : connectFollowUpBoss(apiKey)));
      await sendWaitingNow();
      await flush(execute);
      return true;
    } catch (err) {
      setError(explain(err).text);
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function disconnect() {
    setBusy(true);
    await signOut();
    setBusy(false);
    refresh();
  }

  if (!crm || (compact && (crm === 'local' || !state || state.connected))) return null;
  const signedIn = crm !== 'local' && state?.connected;
  return (
    <section
      aria-label="CRM account"
      data-testid="crm-account"
      data-state={signedIn ? 'connected' : crm === 'local' ? 'built-in' : 'signed-out'}
      className="flex flex-col gap-2 rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800"
    >
      {!compact && <p className="text-slate-600 dark:text-slate-400">{ABOUT[crm]}</p>}
      {crm === 'wiseagent' &&
        (signedIn ? (
          <div className="flex items-center justify-between gap-2">
            <span>Signed in to Wise Agent{state?.account ? ` as ${state.account}` : ''}.</span>
            <button type="button" disabled={busy} onClick={() => void disconnect()} className="text-xs underline">
              Sign out
            </button>
          </div>
        ) : (
          <div className="flex items-center justify-between gap-2">
            <span>{compact ? 'Sign in to Wise Agent to save leads, notes, tasks and showings.' : 'Not signed in.'}</span>
            <button
              type="button"
              disabled={busy}
              data-testid="connect-wiseagent"
              onClick={() => void connect()}
              className="shrink-0 rounded-md bg-brand-600 px-3 py-1.5 text-xs font-medium text-white hover:bg-brand-700 disabled:opacity-60"
            >
              {busy ? 'Opening Wise Agent…' : 'Connect Wise Agent'}
            </button>
          </div>
        ))}
      {crm === 'followupboss' &&
        (signedIn ? (
          <div className="flex items-center justify-between gap-2">
            <span>
              {state?.account
                ? `Signed in to Follow Up Boss as ${state.account}.`
                : 'Using this worker’s own Follow Up Boss key (a local install).'}
            </span>
            {state?.account && (
              <button type="button" disabled={busy} onClick={() => void disconnect()} className="text-xs underline">
                Sign out
              </button>
            )}
          </div>
        ) : compact ? (
          <div className="flex items-center justify-between gap-2">
            <span>Connect Follow Up Boss to save leads, notes, tasks and showings.</span>
            <button
              type="button"
              onClick={() => void browser.runtime.openOptionsPage()}
              className="shrink-0 rounded-md bg-brand-600 px-3 py-1.5 text-xs font-medium text-white hover:bg-brand-700"
            >
              Connect…
            </button>
          </div>
        ) : (
          <FollowUpBossKeyForm busy={busy} onSubmit={connect} />
        ))}
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </section>
  );
}

/**
 * Where the agent pastes their Follow Up Boss API key: sent once to the worker, never kept here.
 * The field empties once the key is accepted; a refused key stays, to be corrected rather than pasted again.
 */
function FollowUpBossKeyForm({ busy, onSubmit }: { busy: boolean; onSubmit: (apiKey: string) => Promise<boolean> }) {
  const [key, setKey] = useState('');
  return (
    <form
      className="flex flex-col gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        if (key.trim())
          void onSubmit(key.trim()).then((accepted) => {
            if (accepted) setKey('');
          });
      }}
    >
      <label htmlFor="fub-api-key" className="font-medium">
        Your Follow Up Boss API key
      </label>
      <div className="flex gap-2">
        <input
          id="fub-api-key"
          data-testid="fub-api-key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={key}
          onChange={(e) => setKey(e.target.value)}
          className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1.5 dark:border-slate-700 dark:bg-slate-900"
        />
        <button
          type="submit"
          disabled={busy || !key.trim()}
          data-testid="connect-followupboss"
          className="shrink-0 rounded-md bg-brand-600 px-3 py-1.5 text-xs font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {busy ? 'Checking…' : 'Connect'}
        </button>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        In Follow Up Boss: Admin → API. Estait checks it with Follow Up Boss before using it.
      </p>
    </form>
  );
}
