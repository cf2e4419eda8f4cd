import { sign, verify } from 'hono/jwt';
import type { SessionTokens } from '../../shared/contracts';
import { base64url, sha256 } from '../../shared/encoding';
import type { Env, Session } from '../env';
import { ApiError } from '../errors';

export const ACCESS_TTL_S = 15 * 60;
export const REFRESH_TTL_S = 30 * 24 * 3600;
/**
 * A refresh token used again this soon after its first use is an honest race (two requests that
 * both saw the old access token expire), not theft: the family is kept and a new pair issued.
 */
export const REFRESH_GRACE_MS = 10_000;

function secret(env: Env): string {
  if (!env.SESSION_SECRET || env.SESSION_SECRET.length < 32) {
    throw new ApiError(503, 'not_configured', 'Sessions are not configured: set SESSION_SECRET (32+ characters).');
  }
  return env.SESSION_SECRET;
}

/** 256 random bits, URL-safe. */
export const randomToken = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

async function issue(env: Env, session: Session, now: number): Promise<SessionTokens> {
  const exp = Math.floor(now / 1000) + ACCESS_TTL_S;
  const accessToken = await sign(
    { sub: session.userId, sid: session.sessionId, exp, iat: Math.floor(now / 1000) },
    secret(env),
    'HS256',
  );
  const refreshToken = randomToken();
  await env.DB.prepare('INSERT INTO refresh_tokens (token_hash, session_id, expires_at) VALUES (?, ?, ?)')
    .bind(await sha256(refreshToken), session.sessionId, now + REFRESH_TTL_S * 1000)
    .run();
  return { accessToken, refreshToken, expiresAt: new Date(exp * 1000).toISOString() };
}

/** Starts a new session (a new refresh-token family) for a user. */
export async function startSession(env: Env, userId: string, now = Date.now()): Promise<SessionTokens> {
  secret(env);
  const sessionId = crypto.randomUUID();
  await env.DB.prepare('INSERT INTO sessions (id, user_id, created_at) VALUES (?, ?, ?)').bind(sessionId, userId, now).run();
  return issue(env, { userId, sessionId }, now);
}

const refused = (message: string) => new ApiError(401, 'invalid_refresh_token', message);

/**
 * Trades a refresh token for a new pair. Each token works once: a second use means it leaked,
 * so the whole family is revoked and the agent signs in again.
 */
export async function rotate(env: Env, refreshToken: string, now = Date.now()): Promise<SessionTokens> {
  secret(env);
  const hash = await sha256(refreshToken);
  const row = await env.DB.prepare(
    `SELECT t.session_id, t.expires_at, s.user_id, s.revoked_at
       FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id WHERE t.token_hash = ?`,
  )
    .bind(hash)
    .first<{ session_id: string; expires_at: number; user_id: string; revoked_at: number | null }>();
  if (!row || row.revoked_at !== null) throw refused('This session has ended; sign in again.');
  if (row.expires_at <= now) throw refused('This session has expired; sign in again.');

  const claimed = await env.DB.prepare('UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL')
    .bind(now, hash)
    .run();
  if (claimed.meta.changes !== 1) {
    const used = await env.DB.prepare('SELECT used_at FROM refresh_tokens WHERE token_hash = ?')
      .bind(hash)
      .first<{ used_at: number | null }>();
    if (used?.used_at != null && now - used.used_at <= REFRESH_GRACE_MS)
      return issue(env, { userId: row.user_id, sessionId: row.session_id }, now);
    await env.DB.prepare('UPDATE sessions SET revoked_at = ? WHERE id = ?').bind(now, row.session_id).run();
    throw refused('This refresh token was already used, so the session was ended for safety; sign in again.');
  }
  return issue(env, { userId: row.user_id, sessionId: row.session_id }, now);
}

/** The session a bearer access token names, if its signature and expiry hold; or a 401. */
export async function verifyAccessToken(env: Env, header: string | undefined): Promise<Session> {
  const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) throw new ApiError(401, 'unauthorized', 'Sign in first: this call needs a bearer access token.');
  try {
    const claims = await verify(token, secret(env), 'HS256');
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') throw new Error('claims');
    return { userId: claims.sub, sessionId: claims.sid };
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError(401, 'unauthorized', 'The access token is invalid or expired; refresh the session.');
  }
}

/** The session's row says whether it still stands: a sign-out or a revoked family stops its tokens at once. */
export async function assertStanding(env: Env, session: Session): Promise<void> {
  const row = await env.DB.prepare('SELECT revoked_at FROM sessions WHERE id = ? AND user_id = ?')
    .bind(session.sessionId, session.userId)
    .first<{ revoked_at: number | null }>();
  if (!row || row.revoked_at !== null) throw new ApiError(401, 'session_ended', 'This session has ended; sign in again.');
}

/** The session behind a bearer access token that still stands, or a 401. */
export async function authenticate(env: Env, header: string | undefined): Promise<Session> {
  const session = await verifyAccessToken(env, header);
  await assertStanding(env, session);
  return session;
}

/** Ends a session: its refresh tokens and its access tokens stop working at once. */
export async function endSession(env: Env, sessionId: string, now = Date.now()): Promise<void> {
  await env.DB.prepare('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').bind(now, sessionId).run();
}
