import { browser } from 'wxt/browser';
import { type PageMessage, PageReply } from '../messages';
import { WorkerError } from './errors';
import { watchSessionChanges } from './session-changes';

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

export async function askBackground(message: PageMessage): Promise<string | undefined> {
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
 * How long a page reuses the token the background gave it. The background hands out only tokens with
 * more than a minute to live (it refreshes them earlier), so one held this long is never sent expired;
 * meanwhile a page's calls (a tab switch reads the listing's details and comps) cost no round trip
 * through the background and its store.
 */
export const HOLD_MS = 30_000;

/** The token this page last got, for the worker address it was asked for, and the end of its watch on sign-ins. */
let held: { base: string; token: Promise<string>; until: number; unwatch: () => void } | undefined;

/** Drops the held token: the next call asks the background again. */
export function forgetToken(): void {
  held?.unwatch();
  held = undefined;
}

/**
 * A valid access token from the background, the one place that refreshes the session. `stale` is a
 * token the worker just refused. With `base`, the worker address the call goes to, a page reuses the
 * token for that address a short while (HOLD_MS): a refused token, another address or a sign-in or
 * sign-out anywhere sends it back to the background.
 */
export async function accessToken(stale?: string, base?: string): Promise<string> {
  if (owner) return owner.sessionToken(stale);
  const now = Date.now();
  const current = held;
  if (base !== undefined && current?.base === base && current.until > now) {
    // Concurrent calls share one question; a failed one fails them all, as it would each of them.
    const token = await current.token;
    if (token !== stale) return token;
    if (held === current) forgetToken();
  }
  const asking = askBackground({ type: 'session-token', ...(stale && { stale }) }).then((token) => {
    if (!token) throw new WorkerError(0, 'no_background', 'Estait’s background did not answer; reload the extension.');
    return token;
  });
  if (base !== undefined) {
    forgetToken();
    const entry = { base, token: asking, until: now + HOLD_MS, unwatch: watchSessionChanges(forgetToken) };
    held = entry;
    asking.catch(() => {
      if (held === entry) forgetToken();
    });
  }
  return asking;
}

/** Completes a Wise Agent sign-in: the background trades its one-time code and verifier for the session. */
export const exchangeCode = async (code: string, verifier: string): Promise<void> => {
  if (owner) return owner.exchangeCode(code, verifier);
  forgetToken();
  await askBackground({ type: 'session-exchange', code, verifier });
};

/** Signs in with the agent's own Follow Up Boss API key; the background keeps the session, the worker the key. */
export const signInWithKey = async (apiKey: string): Promise<void> => {
  if (owner) return owner.signInWithKey(apiKey);
  forgetToken();
  await askBackground({ type: 'fub-sign-in', apiKey });
};

/** Signs out of the worker; the background forgets the session. */
export const signOut = async (): Promise<void> => {
  if (owner) return owner.signOut();
  forgetToken();
  await askBackground({ type: 'sign-out' });
};
