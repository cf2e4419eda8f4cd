import { browser } from 'wxt/browser';
import { type PageMessage, PageReply } from '../messages';
import { WorkerError } from './errors';

/** What the background does with the session; the pages reach it by message, the background directly. */
export type SessionOwner = {
  sessionToken: (stale?: string) => Promise<string>;
  exchangeCode: (code: string, verifier: string) => Promise<void>;
  signInWithKey: (apiKey: string) => Promise<void>;
  signOut: () => Promise<void>;
};

let owner: SessionOwner | undefined;

/** Called by the background at start: a service worker cannot message itself, so it asks its own owner. */
export function ownSession(own: SessionOwner): void {
  owner = own;
}

async function ask(message: PageMessage): Promise<string | undefined> {
  const answer = await browser.runtime.sendMessage(message).catch(() => undefined);
  const reply = PageReply.safeParse(answer);
  if (!reply.success) throw new WorkerError(0, 'no_background', 'Estait’s background did not answer; reload the extension.');
  if (!reply.data.ok) {
    const { status, code, message: text, retryAfter } = reply.data;
    throw new WorkerError(status, code, text, undefined, retryAfter);
  }
  return reply.data.token;
}

/**
 * A valid access token from the background, the one place that refreshes the session. `stale` is a
 * token the worker just refused.
 */
export async function accessToken(stale?: string): Promise<string> {
  if (owner) return owner.sessionToken(stale);
  const token = await ask({ type: 'session-token', ...(stale && { stale }) });
  if (!token) throw new WorkerError(0, 'no_background', 'Estait’s background did not answer; reload the extension.');
  return token;
}

/** Completes a Wise Agent sign-in: the background trades its one-time code and verifier for the session. */
export const exchangeCode = async (code: string, verifier: string): Promise<void> => {
  if (owner) return owner.exchangeCode(code, verifier);
  await ask({ type: 'session-exchange', code, verifier });
};

/** Signs in with the agent's own Follow Up Boss API key; the background keeps the session, the worker the key. */
export const signInWithKey = async (apiKey: string): Promise<void> => {
  if (owner) return owner.signInWithKey(apiKey);
  await ask({ type: 'fub-sign-in', apiKey });
};

/** Signs out of the worker; the background forgets the session. */
export const signOut = async (): Promise<void> => {
  if (owner) return owner.signOut();
  await ask({ type: 'sign-out' });
};
