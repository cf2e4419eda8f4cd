import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { ApiErrorBody, SessionTokens } from '../../shared/contracts';
import { authenticate, REFRESH_GRACE_MS, rotate, startSession } from '../auth/session';

const url = (path: string) => `http://127.0.0.1:8787${path}`;
const post = (path: string, body?: unknown, headers: Record<string, string> = {}) =>
  SELF.fetch(url(path), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
const errorOf = async (res: Response) => ApiErrorBody.parse(await res.json()).error;

describe('POST /v1/auth/local', () => {
  it('gives a session in local mode, with a ~15 minute access token', async () => {
    const res = await post('/v1/auth/local');
    expect(res.status).toBe(201);
    const tokens = SessionTokens.parse(await res.json());
    const ttl = Date.parse(tokens.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(14 * 60_000);
    expect(ttl).toBeLessThanOrEqual(15 * 60_000);
    await expect(authenticate(env, `Bearer ${tokens.accessToken}`)).resolves.toMatchObject({ userId: 'local' });
  });

  it('is refused when local mode is off', async () => {
    const off = { ...env, LOCAL_MODE: undefined };
    const { default: app } = await import('../index');
    const refused = await app.request('/v1/auth/local', { method: 'POST' }, off);
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe('local_mode_off');
  });
});

describe('POST /v1/auth/refresh', () => {
  it('rotates: a new pair, and the old refresh token is spent', async () => {
    const first = SessionTokens.parse(await (await post('/v1/auth/local')).json());
    const res = await post('/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(res.status).toBe(200);
    const second = SessionTokens.parse(await res.json());
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await expect(authenticate(env, `Bearer ${second.accessToken}`)).resolves.toMatchObject({ userId: 'local' });
  });

  it('revokes the whole family when a refresh token is used twice, past the grace window', async () => {
    const first = await startSession(env, 'agent-1');
    const second = await rotate(env, first.refreshToken, Date.now() - REFRESH_GRACE_MS - 1000);
    const replay = await post('/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(replay.status).toBe(401);
    expect((await errorOf(replay)).code).toBe('invalid_refresh_token');
    // The legitimate holder's newer token dies with the family.
    const after = await post('/v1/auth/refresh', { refreshToken: second.refreshToken });
    expect(after.status).toBe(401);
  });

  it('refuses an expired refresh token', async () => {
    const tokens = await startSession(env, 'agent-2', Date.now() - 31 * 24 * 3600 * 1000);
    const res = await post('/v1/auth/refresh', { refreshToken: tokens.refreshToken });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).message).toMatch(/expired/);
  });

  it('refuses an unknown refresh token', async () => {
    const res = await post('/v1/auth/refresh', { refreshToken: 'x'.repeat(43) });
    expect(res.status).toBe(401);
  });

  it.each([
    ['malformed JSON', '{"refreshToken": '],
    ['a missing field', {}],
    ['a wrong type', { refreshToken: 42 }],
    ['an unknown field', { refreshToken: 'x'.repeat(43), admin: true }],
  ])('answers %s with a 400 JSON error', async (_label, body) => {
    const res = await post('/v1/auth/refresh', body);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toMatch(/^(invalid_request|bad_request)$/);
    expect(error.requestId).toBe(res.headers.get('X-Request-Id'));
  });
});

describe('the session guard', () => {
  it('answers a call without a token with 401 JSON', async () => {
    const res = await SELF.fetch(url('/v1/activity'));
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe('unauthorized');
  });

  it('refuses a forged or expired access token', async () => {
    const { sign } = await import('hono/jwt');
    const forged = await sign(
      { sub: 'local', sid: 's', exp: Math.floor(Date.now() / 1000) + 60 },
      'another-secret-of-32-characters-x',
      'HS256',
    );
    const expired = await sign(
      { sub: 'local', sid: 's', exp: Math.floor(Date.now() / 1000) - 1 },
      env.SESSION_SECRET ?? '',
      'HS256',
    );
    for (const token of [forged, expired, 'not-a-jwt']) {
      const res = await SELF.fetch(url('/v1/activity'), { headers: { Authorization: `Bearer ${token}` } });
      expect(res.status).toBe(401);
    }
  });

  it('lets a signed-in caller through to the route (here: one that does not exist)', async () => {
    const { accessToken } = await startSession(env, 'local');
    const res = await SELF.fetch(url('/v1/nope'), { headers: { Authorization: `Bearer ${accessToken}` } });
    expect(res.status).toBe(404);
  });
});

describe('sessions that end when they should', () => {
  const get = (path: string, token: string) => SELF.fetch(url(path), { headers: { Authorization: `Bearer ${token}` } });

  it('two refreshes at once (the panel and the outbox) both get a pair, and the session is kept', async () => {
    for (let trial = 0; trial < 20; trial++) {
      const first = await startSession(env, `agent-race-${trial}`);
      const [a, b] = await Promise.all([
        post('/v1/auth/refresh', { refreshToken: first.refreshToken }),
        post('/v1/auth/refresh', { refreshToken: first.refreshToken }),
      ]);
      expect([a.status, b.status]).toEqual([200, 200]);
      const later = SessionTokens.parse(await b.json());
      expect((await post('/v1/auth/refresh', { refreshToken: later.refreshToken })).status).toBe(200);
    }
  });

  it('sign-out stops the access token at once', async () => {
    const tokens = await startSession(env, 'agent-out');
    expect((await get('/v1/contacts?query=a', tokens.accessToken)).status).toBe(200);
    expect((await post('/v1/auth/signout', undefined, { Authorization: `Bearer ${tokens.accessToken}` })).status).toBe(200);
    const after = await get('/v1/contacts?query=a', tokens.accessToken);
    expect(after.status).toBe(401);
    expect((await errorOf(after)).code).toBe('session_ended');
  });

  it('a revoked family stops its access tokens at once', async () => {
    const first = await startSession(env, 'agent-theft');
    const second = await rotate(env, first.refreshToken, Date.now() - REFRESH_GRACE_MS - 1000);
    expect((await post('/v1/auth/refresh', { refreshToken: first.refreshToken })).status).toBe(401);
    expect((await get('/v1/contacts?query=a', second.accessToken)).status).toBe(401);
  });
});

describe('local mode', () => {
  it.each(['rebind.evil.example', 'evil.example:8787', '127.0.0.1.evil.example', 'localhost.evil.example'])(
    'refuses a request whose Host is %s',
    async (host) => {
      const res = await SELF.fetch(url('/v1/auth/local'), { method: 'POST', headers: { Host: host } });
      expect(res.status).toBe(403);
      expect((await errorOf(res)).code).toBe('not_loopback');
    },
  );

  it('refuses a request from an address off this computer', async () => {
    const res = await SELF.fetch(url('/v1/auth/local'), { method: 'POST', headers: { 'CF-Connecting-IP': '203.0.113.9' } });
    expect(res.status).toBe(403);
  });

  it.each(['127.0.0.1:8787', 'localhost:8787', '[::1]:8787'])('answers on loopback (%s)', async (host) => {
    const res = await SELF.fetch(url('/v1/auth/local'), { method: 'POST', headers: { Host: host } });
    expect(res.status).toBe(201);
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After past the per-session limit', async () => {
    const { default: app } = await import('../index');
    const tight = { ...env, API_LIMIT: env.TIGHT_LIMIT };
    const tokens = await startSession(env, 'agent-busy');
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 8; i++) {
      const res = await app.request(
        '/v1/contacts?query=a',
        { headers: { Authorization: `Bearer ${tokens.accessToken}` } },
        tight,
      );
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = res.headers.get('Retry-After');
        expect((await errorOf(res)).code).toBe('rate_limited');
      }
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
  });

  it('limits sign-ins per IP address', async () => {
    const { default: app } = await import('../index');
    const tight = { ...env, SIGN_IN_LIMIT: env.TIGHT_LIMIT };
    const headers = { 'CF-Connecting-IP': '127.0.0.9' };
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await app.request('/v1/auth/local', { method: 'POST', headers }, tight)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
    // A refresh proves itself with its token and is not a sign-in.
    const refresh = await app.request(
      '/v1/auth/refresh',
      {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ refreshToken: 'x'.repeat(43) }),
      },
      tight,
    );
    expect(refresh.status).toBe(401);
  });
});
