import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { WorkerError } from '../api/errors';
import { watchSessionChanges } from '../api/session-changes';
import { setWorkerUrl } from '../settings';
import { adoptLegacySession, NOT_CONNECTED, sessionToken, signInWithKey, signOut, signOutIfMoved } from './session';
import { clearSession, loadSession, storeSession } from './session-store';

const BASE = 'http://127.0.0.1:8787';
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const pair = (n: number, minutes = 15) => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`.padEnd(40, 'x'),
  expiresAt: later(minutes),
});
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** The worker's auth routes, answered by `routes` and recorded. */
function worker(routes: Record<string, () => Response | Promise<Response>>) {
  const calls: { url: string; body?: unknown; auth?: string | null }[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input);
    const headers = new Headers(init?.headers);
    calls.push({ url, body: init?.body ? JSON.parse(String(init.body)) : undefined, auth: headers.get('Authorization') });
    const route = routes[new URL(url).pathname];
    if (!route) throw new TypeError('fetch failed');
    // Answers come a moment later, as over a network, so concurrent askers really overlap.
    await new Promise((r) => setTimeout(r, 5));
    return route();
  });
  return calls;
}

beforeEach(async () => {
  fakeBrowser.reset();
  await clearSession();
});

describe('the session the background owns', () => {
  it('signs in locally once for everyone asking at the same time, and keeps it out of storage.local', async () => {
    const calls = worker({ '/v1/auth/local': () => json(pair(1), 201) });
    const tokens = await Promise.all([sessionToken(), sessionToken(), sessionToken()]);
    expect(tokens).toEqual(['access-1', 'access-1', 'access-1']);
    expect(calls.map((c) => c.url)).toEqual([`${BASE}/v1/auth/local`]);
    expect(await loadSession()).toMatchObject({ accessToken: 'access-1', base: BASE });
    expect(await browser.storage.local.get(null)).toEqual({});
  });

  it('refreshes an expiring session once, however many ask (a refresh token used twice ends it)', async () => {
    await storeSession({ ...pair(1, 0.5), base: BASE });
    const calls = worker({ '/v1/auth/refresh': () => json(pair(2)) });
    expect(await Promise.all([sessionToken(), sessionToken()])).toEqual(['access-2', 'access-2']);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.body).toEqual({ refreshToken: pair(1).refreshToken });
    expect(await loadSession()).toMatchObject({ accessToken: 'access-2', refreshToken: pair(2).refreshToken });
  });

  it('replaces a token the worker refused, unless someone already did', async () => {
    await storeSession({ ...pair(2), base: BASE });
    const calls = worker({ '/v1/auth/refresh': () => json(pair(3)) });
    expect(await sessionToken('access-1')).toBe('access-2');
    expect(calls).toHaveLength(0);
    expect(await Promise.all([sessionToken('access-2'), sessionToken('access-2')])).toEqual(['access-3', 'access-3']);
    expect(calls).toHaveLength(1);
  });

  it('starts over when the refresh token is refused, but keeps the session through a busy or missing worker', async () => {
    await storeSession({ ...pair(1, 0), base: BASE });
    worker({ '/v1/auth/refresh': () => json({ error: { code: 'busy', message: 'Busy.', requestId: 'r' } }, 503) });
    await expect(sessionToken()).rejects.toMatchObject({ status: 503 });
    worker({});
    await expect(sessionToken()).rejects.toMatchObject({ status: 0, code: 'offline' });
    expect(await loadSession()).toMatchObject({ accessToken: 'access-1' });

    const calls = worker({
      '/v1/auth/refresh': () => json({ error: { code: 'invalid_refresh', message: 'No.', requestId: 'r' } }, 401),
      '/v1/auth/local': () => json(pair(5), 201),
    });
    expect(await sessionToken()).toBe('access-5');
    expect(calls.map((c) => new URL(c.url).pathname)).toEqual(['/v1/auth/refresh', '/v1/auth/local']);
  });

  it('passes on a pause the worker asks for', async () => {
    worker({
      '/v1/auth/local': () =>
        json({ error: { code: 'rate_limited', message: 'Slow down.', requestId: 'r' } }, 429, { 'Retry-After': '30' }),
    });
    const err = await sessionToken().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerError);
    expect(err).toMatchObject({ status: 429, code: 'rate_limited', retryAfter: 30 });
  });

  it('asks the agent to connect their CRM when the worker has no local sign-in', async () => {
    worker({ '/v1/auth/local': () => json({ error: { code: 'local_mode_off', message: 'Off.', requestId: 'r' } }, 403) });
    await expect(sessionToken()).rejects.toMatchObject({ code: 'signed_out', message: NOT_CONNECTED });
    expect(NOT_CONNECTED).toMatch(/options page/);
  });

  it('tells the open pages when the agent signs in or out, and not when a session is only renewed', async () => {
    const changes = vi.fn();
    const unwatch = watchSessionChanges(changes);
    worker({
      '/v1/auth/followupboss': () => json(pair(1), 201),
      '/v1/auth/refresh': () => json(pair(2)),
      '/v1/auth/signout': () => json({ ok: true }),
    });
    await signInWithKey('fub-key-of-this-agent');
    expect(changes).toHaveBeenCalledTimes(1);
    await sessionToken('access-1');
    expect(changes).toHaveBeenCalledTimes(1);
    await signOut();
    expect(changes).toHaveBeenCalledTimes(2);
    await signOut();
    expect(changes).toHaveBeenCalledTimes(2);
    unwatch();
  });

  it('tells the open pages when the worker ended the session', async () => {
    await storeSession({ ...pair(1, 0), base: BASE });
    const changes = vi.fn();
    const unwatch = watchSessionChanges(changes);
    worker({
      '/v1/auth/refresh': () => json({ error: { code: 'invalid_refresh', message: 'No.', requestId: 'r' } }, 401),
      '/v1/auth/local': () => json({ error: { code: 'local_mode_off', message: 'Off.', requestId: 'r' } }, 403),
    });
    await expect(sessionToken()).rejects.toMatchObject({ code: 'signed_out' });
    expect(changes).toHaveBeenCalledTimes(1);
    unwatch();
  });

  it('a new worker address signs out of the old worker and never sends it the old session', async () => {
    await storeSession({ ...pair(1), base: BASE });
    await setWorkerUrl('https://estait.example.workers.dev');
    const calls = worker({ '/v1/auth/signout': () => json({ ok: true }), '/v1/auth/local': () => json(pair(7), 201) });
    await signOutIfMoved();
    expect(calls).toEqual([{ url: `${BASE}/v1/auth/signout`, body: undefined, auth: 'Bearer access-1' }]);
    expect(await loadSession()).toBeUndefined();
    expect(await sessionToken()).toBe('access-7');
    expect(calls[1]?.url).toBe('https://estait.example.workers.dev/v1/auth/local');
  });

  it('forgets the old session even when the old worker does not answer the sign-out', async () => {
    await storeSession({ ...pair(1), base: BASE });
    await setWorkerUrl('https://estait.example.workers.dev');
    worker({});
    await signOutIfMoved();
    expect(await loadSession()).toBeUndefined();
  });

  it('moves a session an earlier version kept in storage.local out of content scripts’ reach', async () => {
    await browser.storage.local.set({ session: pair(4) });
    await adoptLegacySession();
    expect(await browser.storage.local.get('session')).toEqual({});
    expect(await loadSession()).toMatchObject({ accessToken: 'access-4', base: BASE });
  });
});
