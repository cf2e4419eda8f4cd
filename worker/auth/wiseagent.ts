import { z } from 'zod';
import { crmTimeoutMs, type Env } from '../env';
import { ApiError } from '../errors';
import { upstream } from '../upstream';
import { forgetSignIn, signedInAccount } from './crm-tokens';
import { seal, unseal } from './seal';

/**
 * Wise Agent's OAuth 2.0 (authorization code; wiseagent.com/docs/api.asp): the worker holds the
 * client secret, exchanges the code, refreshes on expiry or a 401 `invalid_grant`, revokes on
 * sign-out, and keeps the agent's tokens sealed in D1.
 */
export const WISEAGENT = 'wiseagent';
/** What Estait does in Wise Agent: the agent's name (profile), contacts and notes, tasks (team), showings (calendar). */
export const WISEAGENT_SCOPES = ['profile', 'contacts', 'team', 'calendar'];
/** Refresh this long before the stated expiry, so a call never starts with a dying token. */
const EARLY_MS = 60_000;

const TokenAnswer = z.object({ access_token: z.string().min(1), refresh_token: z.string().min(1), expires_at: z.string() });
type Tokens = { access: string; refresh: string; expiresAt: number };

export const wiseAgentBase = (env: Env) => (env.WISEAGENT_URL || 'https://sync.thewiseagent.com').replace(/\/$/, '');

function client(env: Env) {
  if (!env.WISEAGENT_CLIENT_ID || !env.WISEAGENT_CLIENT_SECRET)
    throw new ApiError(501, 'provider_not_available', 'This worker is not configured for Wise Agent.');
  return { id: env.WISEAGENT_CLIENT_ID, secret: env.WISEAGENT_CLIENT_SECRET };
}

export function authorizeUrl(env: Env, p: { redirectUri: string; state: string; challenge: string }): string {
  const url = new URL(`${wiseAgentBase(env)}/WiseAuth/auth`);
  url.search = new URLSearchParams({
    client_id: client(env).id,
    redirect_uri: p.redirectUri,
    response_type: 'code',
    scope: WISEAGENT_SCOPES.join(' '),
    state: p.state,
    code_challenge: p.challenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

/** POST /WiseAuth/token from the worker, with the client's id and secret; never from the browser. */
async function token(env: Env, grant: Record<string, string>): Promise<Tokens> {
  const { id, secret } = client(env);
  const res = await fetch(`${wiseAgentBase(env)}/WiseAuth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ client_id: id, client_secret: secret, ...grant }),
    signal: AbortSignal.timeout(crmTimeoutMs(env)),
  }).catch(() => {
    throw new ApiError(502, 'upstream_unreachable', 'Wise Agent could not be reached.');
  });
  const body: unknown = await res.json().catch(() => undefined);
  const tokens = TokenAnswer.safeParse(body);
  if (!res.ok || !tokens.success) {
    const refused = res.status === 400 || res.status === 401;
    throw new ApiError(
      refused ? 403 : 502,
      refused ? 'crm_not_connected' : 'upstream_error',
      refused ? 'Wise Agent did not accept the sign-in; connect Wise Agent again.' : `Wise Agent answered ${res.status}.`,
    );
  }
  const expiresAt = Date.parse(tokens.data.expires_at);
  return {
    access: tokens.data.access_token,
    refresh: tokens.data.refresh_token,
    expiresAt: Number.isFinite(expiresAt) ? expiresAt : Date.now() + 3600_000,
  };
}

export const exchangeCode = (env: Env, code: string, verifier: string, redirectUri: string) =>
  token(env, { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: redirectUri });

/** The agent's name and email: who signed in. */
export async function wiseAgentUser(env: Env, accessToken: string): Promise<{ email: string; name: string }> {
  const res = await upstream(
    'Wise Agent',
    `${wiseAgentBase(env)}/http/webconnect.asp?requestType=getUser`,
    { headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' } },
    { timeoutMs: crmTimeoutMs(env) },
  );
  const rows = z
    .array(z.object({ First: z.string().optional(), Last: z.string().optional(), Email: z.string() }))
    .safeParse(parseWiseAgent(await res.text()));
  const user = rows.success ? rows.data[0] : undefined;
  if (!user?.Email) throw new ApiError(502, 'upstream_error', 'Wise Agent did not say who signed in.');
  return { email: user.Email.toLowerCase(), name: [user.First, user.Last].filter(Boolean).join(' ') };
}

/** Wise Agent answers JSON, sometimes JSON inside a string (as its docs show): both read the same. */
export function parseWiseAgent(text: string): unknown {
  let value: unknown = text ? JSON.parse(text) : undefined;
  if (typeof value === 'string' && /^\s*[[{]/.test(value)) value = JSON.parse(value);
  return value;
}

type Row = { access_token: string; refresh_token: string; expires_at: number };
const context = (userId: string) => `${userId}/${WISEAGENT}`;

export async function saveTokens(env: Env, userId: string, tokens: Tokens, account: string): Promise<void> {
  await env.DB.prepare(
    `INSERT INTO crm_tokens (user_id, provider, access_token, refresh_token, expires_at, account, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (user_id, provider) DO UPDATE SET access_token = excluded.access_token,
       refresh_token = excluded.refresh_token, expires_at = excluded.expires_at, account = excluded.account,
       updated_at = excluded.updated_at`,
  )
    .bind(
      userId,
      WISEAGENT,
      await seal(env, tokens.access, context(userId)),
      await seal(env, tokens.refresh, context(userId)),
      tokens.expiresAt,
      account,
      Date.now(),
    )
    .run();
}

async function load(env: Env, userId: string): Promise<(Tokens & { sealed: string }) | undefined> {
  const row = await env.DB.prepare(
    'SELECT access_token, refresh_token, expires_at FROM crm_tokens WHERE user_id = ? AND provider = ?',
  )
    .bind(userId, WISEAGENT)
    .first<Row>();
  if (!row) return undefined;
  return {
    access: await unseal(env, row.access_token, context(userId)),
    refresh: await unseal(env, row.refresh_token, context(userId)),
    expiresAt: row.expires_at,
    sealed: row.access_token,
  };
}

const notConnected = () =>
  new ApiError(403, 'crm_not_connected', 'Connect Wise Agent first: Estait has no Wise Agent sign-in for you.');

/**
 * The agent's Wise Agent access token, refreshed when it is about to expire or when Wise Agent
 * answered 401. Two requests refreshing at once: the loser finds the winner's new token.
 */
export function wiseAgentAccess(env: Env, userId: string) {
  const renew = async (stale: string): Promise<string> => {
    const current = await load(env, userId);
    if (!current) throw notConnected();
    if (current.access !== stale && current.expiresAt - Date.now() > EARLY_MS) return current.access;
    let next: Tokens;
    try {
      next = await token(env, { grant_type: 'refresh_token', refresh_token: current.refresh });
    } catch (err) {
      const now = await load(env, userId);
      if (now && now.sealed !== current.sealed) return now.access;
      if (err instanceof ApiError && err.code === 'crm_not_connected') await forgetTokens(env, userId);
      throw err;
    }
    const saved = await env.DB.prepare(
      `UPDATE crm_tokens SET access_token = ?, refresh_token = ?, expires_at = ?, updated_at = ?
       WHERE user_id = ? AND provider = ? AND access_token = ?`,
    )
      .bind(
        await seal(env, next.access, context(userId)),
        await seal(env, next.refresh, context(userId)),
        next.expiresAt,
        Date.now(),
        userId,
        WISEAGENT,
        current.sealed,
      )
      .run();
    if (saved.meta.changes !== 1) {
      const now = await load(env, userId);
      if (now) return now.access;
    }
    return next.access;
  };
  return {
    async token(): Promise<string> {
      const current = await load(env, userId);
      if (!current) throw notConnected();
      return current.expiresAt - Date.now() > EARLY_MS ? current.access : renew(current.access);
    },
    renew,
  };
}
export type WiseAgentAccess = ReturnType<typeof wiseAgentAccess>;

/** The Wise Agent account (its email) a user signed in with, if they are signed in. */
export const connectedAccount = (env: Env, userId: string) => signedInAccount(env, userId, WISEAGENT);

export const forgetTokens = (env: Env, userId: string) => forgetSignIn(env, userId, WISEAGENT);

/** Sign-out: both tokens are revoked at Wise Agent (best effort: it may be down) and forgotten here. */
export async function revokeTokens(env: Env, userId: string): Promise<void> {
  const current = await load(env, userId).catch(() => undefined);
  await forgetTokens(env, userId);
  if (!current) return;
  await Promise.all(
    [
      [current.refresh, 'refresh_token'],
      [current.access, 'access_token'],
    ].map(([value = '', hint = '']) =>
      fetch(`${wiseAgentBase(env)}/WiseAuth/revoke`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new URLSearchParams({ token: value, token_type_hint: hint }),
        signal: AbortSignal.timeout(crmTimeoutMs(env)),
      }).catch(() => undefined),
    ),
  );
}
