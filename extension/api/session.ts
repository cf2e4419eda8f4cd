import { browser } from 'wxt/browser';
import { SessionTokens } from '../../shared/contracts';
import { getWorkerUrl } from '../settings';
import { WorkerError } from './errors';

/**
 * Estait's own session with its worker (never a third-party key): a short-lived access token and a
 * rotating refresh token, kept in storage.local so a browser restart does not sign the agent out.
 */
const KEY = 'session';
const EARLY_MS = 60_000;

async function stored(): Promise<SessionTokens | undefined> {
  const parsed = SessionTokens.safeParse((await browser.storage.local.get(KEY))[KEY]);
  return parsed.success ? parsed.data : undefined;
}

async function obtain(base: string, path: string, body?: unknown): Promise<SessionTokens | undefined> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) return undefined;
  return saveSession(await res.json());
}

/** Keeps a session the worker handed out (a refresh, a local sign-in, a CRM sign-in). */
export async function saveSession(body: unknown): Promise<SessionTokens> {
  const tokens = SessionTokens.parse(body);
  await browser.storage.local.set({ [KEY]: tokens });
  return tokens;
}

/** The stored session, for signing out; forgets it. */
export async function takeSession(): Promise<SessionTokens | undefined> {
  const current = await stored();
  await browser.storage.local.remove(KEY);
  return current;
}

let pending: Promise<string> | undefined;

/**
 * A valid access token: the stored one, a refreshed one, or a new local session. Concurrent callers
 * share one refresh, because a refresh token used twice ends the session.
 */
export function accessToken(force = false): Promise<string> {
  pending ??= (async () => {
    try {
      const base = await getWorkerUrl();
      const current = await stored();
      if (current && !force && Date.parse(current.expiresAt) - Date.now() > EARLY_MS) return current.accessToken;
      const next =
        (current && (await obtain(base, '/v1/auth/refresh', { refreshToken: current.refreshToken }))) ||
        (await obtain(base, '/v1/auth/local'));
      if (!next) throw new WorkerError(401, 'signed_out', 'Estait is not signed in to its worker.');
      return next.accessToken;
    } finally {
      pending = undefined;
    }
  })();
  return pending;
}
