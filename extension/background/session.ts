import { browser } from 'wxt/browser';
import { SessionTokens } from '../../shared/contracts';
import { workerClient } from '../api/client';
import { errorFrom, isTimeout, unanswered, WorkerError } from '../api/errors';
import { announceSessionChange } from '../api/session-changes';
import { getWorkerUrl } from '../settings';
import { clearSession, loadSession, type StoredSession, storeSession } from './session-store';

/** What the agent is told when the worker has no session to give without a CRM sign-in (a brokerage's deployment). */
export const NOT_CONNECTED = 'Connect your CRM first: open Estait’s options page and sign in.';

/** An access token this close to its end is refreshed rather than sent. */
const EARLY_MS = 60_000;
const AUTH_TIMEOUT_MS = 10_000;

/** The worker's auth routes at `base`; a call nothing answers is a WorkerError the outbox and the status understand. */
async function auth(
  base: string,
  request: (routes: ReturnType<typeof workerClient>['v1']['auth']) => Promise<Response>,
  token?: string,
): Promise<Response> {
  const client = workerClient(base, {
    ...(token && { headers: { Authorization: `Bearer ${token}` } }),
    init: { signal: AbortSignal.timeout(AUTH_TIMEOUT_MS) },
  });
  try {
    return await request(client.v1.auth);
  } catch (err) {
    throw unanswered(base, isTimeout(err));
  }
}

async function keep(base: string, body: unknown): Promise<string> {
  const tokens = SessionTokens.parse(body);
  await storeSession({ ...tokens, base });
  return tokens.accessToken;
}

/** Forgets a session, then tells the worker that issued it, if it answers, to end it at once. */
async function end(session: StoredSession): Promise<void> {
  await clearSession();
  await auth(session.base, (a) => a.signout.$post(), session.accessToken).catch(() => undefined);
}

async function fresh(stale: string | undefined): Promise<string> {
  const base = await getWorkerUrl();
  let current = await loadSession();
  if (current && current.base !== base) {
    await end(current);
    current = undefined;
  }
  if (current && current.accessToken !== stale && Date.parse(current.expiresAt) - Date.now() > EARLY_MS)
    return current.accessToken;
  if (current) {
    const res = await auth(base, (a) => a.refresh.$post({ json: { refreshToken: current.refreshToken } }));
    if (res.ok) return keep(base, await res.json());
    // Busy or down is not the end of the session; a refused refresh token is.
    if (res.status !== 400 && res.status !== 401) throw await errorFrom(res);
    await clearSession();
    await announceSessionChange();
  }
  const res = await auth(base, (a) => a.local.$post());
  if (res.ok) return keep(base, await res.json());
  // Only a worker without local sign-in refuses it, and there every agent signs in with their CRM.
  if (res.status === 403 || res.status === 404) throw new WorkerError(401, 'signed_out', NOT_CONNECTED);
  throw await errorFrom(res);
}

/*
 * The background is the one place that holds and renews the session; the panel and the options ask
 * it. It runs one task at a time, so a refresh, a sign-in and a sign-out never interleave. Nothing
 * but the queue and the shared refresh lives in memory: the service worker stops after 30 s idle,
 * and the session is in IndexedDB. A sign-in, a sign-out or a session the worker ended is announced
 * to the open pages, which ask again whom they are signed in as.
 */
let tail: Promise<unknown> = Promise.resolve();
let refreshing: Promise<string> | undefined;

function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = tail.then(task, task);
  tail = run.catch(() => undefined);
  return run;
}

/**
 * A valid access token: the stored one, a refreshed one, or a new local session. `stale` is a token
 * the worker just refused; it is replaced unless another asker already did. Concurrent askers share
 * one refresh, because a refresh token used twice ends the session.
 */
export async function sessionToken(stale?: string): Promise<string> {
  refreshing ??= serial(() => fresh(stale)).finally(() => {
    refreshing = undefined;
  });
  const token = await refreshing;
  // A refresh already under way when this asker's token was refused may have handed out that same token.
  return stale && token === stale ? sessionToken(stale) : token;
}

/** Trades the one-time code a Wise Agent sign-in ended with (and its verifier) for a session. */
export const exchangeCode = (code: string, verifier: string): Promise<void> =>
  serial(async () => {
    const base = await getWorkerUrl();
    const res = await auth(base, (a) => a.wiseagent.session.$post({ json: { code, verifier } }));
    if (!res.ok) throw new WorkerError(res.status, 'invalid_code', 'The sign-in could not be completed; try again.');
    await keep(base, await res.json());
    await announceSessionChange();
  });

/**
 * Signs in with the agent's own Follow Up Boss API key: the worker checks it with Follow Up Boss and
 * keeps it sealed; this browser keeps only the session it answers with. A session held before
 * (another agent, a local one) is ended.
 */
export const signInWithKey = (apiKey: string): Promise<void> =>
  serial(async () => {
    const base = await getWorkerUrl();
    const res = await auth(base, (a) => a.followupboss.$post({ json: { apiKey } }));
    if (!res.ok) throw await errorFrom(res);
    const tokens = await res.json();
    const previous = await loadSession();
    if (previous) await end(previous);
    await keep(base, tokens);
    await announceSessionChange();
  });

/** Signs out: the worker revokes the CRM's tokens and ends the session; this browser forgets it. */
export const signOut = (): Promise<void> =>
  serial(async () => {
    const current = await loadSession();
    if (!current) return;
    await end(current);
    await announceSessionChange();
  });

/** A session belongs to the worker that issued it: a new worker address signs out of the old one. */
export const signOutIfMoved = (): Promise<void> =>
  serial(async () => {
    const current = await loadSession();
    if (!current || current.base === (await getWorkerUrl())) return;
    await end(current);
    await announceSessionChange();
  });

const LEGACY_KEY = 'session';

/**
 * Earlier versions kept the session in storage.local, where content scripts can read it: it moves
 * to the background's own store on update, and storage.local forgets it.
 */
export const adoptLegacySession = (): Promise<void> =>
  serial(async () => {
    const legacy = SessionTokens.safeParse((await browser.storage.local.get(LEGACY_KEY))[LEGACY_KEY]);
    await browser.storage.local.remove(LEGACY_KEY);
    if (legacy.success && !(await loadSession())) await storeSession({ ...legacy.data, base: await getWorkerUrl() });
  });
