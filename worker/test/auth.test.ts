import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { ApiErrorBody, SessionTokens } from '../../shared/contracts';
import { authenticate, rotate, startSession } from '../auth/session';

const url = (path: string) => `https://worker.test${path}`;
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

  it('revokes the whole family when a refresh token is used twice', async () => {
    const first = await startSession(env, 'agent-1');
    const second = await rotate(env, first.refreshToken);
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
