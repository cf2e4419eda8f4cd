import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { findContacts } from './calls';
import { connection, recheckDelay, reportAnswered, reportUnreachable } from './connection';
import { WorkerError } from './errors';
import { explain } from './explain';
import { ownSession } from './session';

const owner = {
  sessionToken: vi.fn(async (stale?: string) => (stale ? 'access-2' : 'access-1')),
  exchangeCode: vi.fn(),
  signInWithKey: vi.fn(),
  signOut: vi.fn(),
};
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const refusal = (code: string, status: number, headers: Record<string, string> = {}) =>
  json({ error: { code, message: `${code}.`, requestId: 'r' } }, status, headers);

beforeEach(() => {
  fakeBrowser.reset();
  vi.clearAllMocks();
  ownSession(owner);
});

describe('every call tells the shared connection state what it found', () => {
  it('a call nothing answers flips it offline; any answer flips it back', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValueOnce(new TypeError('fetch failed'));
    const err = await findContacts('Dana').catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 0, code: 'offline' });
    expect(await connection()).toMatchObject({ online: false, detail: 'No worker answers at http://127.0.0.1:8787.' });
    expect(explain(err).text).toContain('Estait can’t reach its server right now.');

    vi.spyOn(globalThis, 'fetch').mockResolvedValueOnce(refusal('bad_request', 400));
    await expect(findContacts('Dana')).rejects.toMatchObject({ status: 400 });
    expect(await connection()).toMatchObject({ online: true });
  });

  it('asks the background for a new token once when the worker refuses one, naming the refused token', async () => {
    const fetch = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValueOnce(refusal('unauthorized', 401))
      .mockResolvedValueOnce(json({ contacts: [], provider: 'local' }));
    expect(await findContacts('Dana')).toEqual({ contacts: [], provider: 'local' });
    expect(owner.sessionToken.mock.calls).toEqual([[undefined], ['access-1']]);
    expect(new Headers(fetch.mock.calls[1]?.[1]?.headers).get('Authorization')).toBe('Bearer access-2');
  });

  it('makes no call while the worker has asked for a pause, and says how long is left', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValueOnce(refusal('rate_limited', 429, { 'Retry-After': '20' }));
    await expect(findContacts('Dana')).rejects.toMatchObject({ status: 429, retryAfter: 20 });
    const err = await findContacts('Dana').catch((e: unknown) => e);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(err).toBeInstanceOf(WorkerError);
    expect(explain(err).text).toMatch(/^Too many requests — try again in (19|20) s\.$/);
  });

  it('stores a flip only when it is one', async () => {
    await reportUnreachable('No worker answers at x.', 1000);
    await reportUnreachable('No worker answers at x.', 2000);
    expect(await connection()).toEqual({ online: false, since: 1000, detail: 'No worker answers at x.' });
    await reportAnswered(3000);
    expect(await connection()).toEqual({ online: true, since: 3000 });
  });

  it('asks again after 2 s, 4 s, 8 s, 16 s, then every 30 s', () => {
    expect([0, 1, 2, 3, 4, 9].map(recheckDelay)).toEqual([2000, 4000, 8000, 16000, 30000, 30000]);
  });
});
