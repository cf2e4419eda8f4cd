import { useCallback, useEffect, useState } from 'react';
import type { AccountResponse, Providers } from '../../shared/contracts';
import { connectWiseAgent } from '../api/crm-sign-in';
import { explain } from '../api/explain';
import { signOut } from '../api/session';
import { account, execute } from '../api/worker';
import { flush, sendWaitingNow } from '../cache/outbox';

const ABOUT: Record<Providers['crm'], string> = {
  local: 'Contacts, notes, tasks and showings are kept in the worker’s own database; no account needed.',
  followupboss: 'Follow Up Boss, through the API key the worker holds.',
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
      .catch(() => setState({ crm, connected: crm !== 'wiseagent' }));
  }, [crm]);
  useEffect(refresh, [refresh]);

  async function connect() {
    setBusy(true);
    setError(undefined);
    try {
      setState(await connectWiseAgent());
      await sendWaitingNow();
      await flush(execute);
    } catch (err) {
      setError(explain(err).text);
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

  if (!crm || (compact && (crm !== 'wiseagent' || !state || state.connected))) return null;
  const signedIn = crm === 'wiseagent' && state?.connected;
  return (
    <section
      aria-label="CRM account"
      data-testid="crm-account"
      data-state={signedIn ? 'connected' : crm === 'wiseagent' ? 'signed-out' : 'built-in'}
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
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </section>
  );
}
