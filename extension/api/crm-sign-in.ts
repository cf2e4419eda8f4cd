import { browser } from 'wxt/browser';
import type { AccountResponse } from '../../shared/contracts';
import { base64url, sha256 } from '../../shared/encoding';
import { getWorkerUrl } from '../settings';
import { account as fetchAccount } from './calls';
import { workerClient } from './client';
import { WorkerError } from './errors';
import { exchangeCode, signInWithKey } from './session';

const REASONS: Record<string, string> = {
  access_denied: 'Wise Agent sign-in was cancelled.',
  crm_not_connected: 'Wise Agent did not accept the sign-in; try again.',
  upstream_unreachable: 'Wise Agent could not be reached; try again shortly.',
};

/**
 * Signs in to Wise Agent: chrome.identity opens Wise Agent's consent screen through the worker, which
 * exchanges the code with its client secret and ends the flow at the extension's chromiumapp.org
 * address with a one-time code; that code and this function's verifier buy Estait's own session.
 * No Wise Agent token ever reaches the extension.
 */
export async function connectWiseAgent(): Promise<AccountResponse> {
  const base = await getWorkerUrl();
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = await sha256(verifier);
  const start = workerClient(base).v1.auth.wiseagent.start.$url({
    query: { redirect_uri: browser.identity.getRedirectURL('wiseagent'), challenge },
  });

  let landed: string | undefined;
  try {
    landed = await browser.identity.launchWebAuthFlow({ url: start.toString(), interactive: true });
  } catch (err) {
    throw new WorkerError(0, 'access_denied', err instanceof Error ? err.message : 'Wise Agent sign-in was cancelled.');
  }
  const params = new URL(landed ?? 'about:blank').searchParams;
  const code = params.get('code');
  if (!code) {
    const reason = params.get('error') ?? 'access_denied';
    throw new WorkerError(0, reason, REASONS[reason] ?? `Wise Agent sign-in failed (${reason}).`);
  }
  await exchangeCode(code, verifier);
  return fetchAccount();
}

/**
 * Signs in to Follow Up Boss with the agent's own API key (Follow Up Boss: Admin → API). The worker
 * asks Follow Up Boss whose key it is and keeps it sealed for this agent; the extension forgets it.
 */
export async function connectFollowUpBoss(apiKey: string): Promise<AccountResponse> {
  await signInWithKey(apiKey);
  return fetchAccount();
}
