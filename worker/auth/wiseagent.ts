import { z } from 'zod';
import { fullName } from '../../shared/format';
import { Users, type WiseAgentAccess, wiseAgentBase, wiseAgentCall } from '../crm/wiseagent-api';
import { crmTimeoutMs, type Env } from '../env';
import { ApiError } from '../errors';
import { type Tokens, tokenStore } from './crm-tokens';

/**
 * Wise Agent's OAuth 2.0 (authorization code; wiseagent.com/docs/api.asp): the worker holds the
 * client secret, exchanges the code, refreshes on expiry or a 401 `invalid_grant`, revokes on
 * sign-out, and keeps the agent's tokens sealed in D1 (crm-tokens.ts). The API calls themselves are
 * in crm/wiseagent-api.ts.
 */
export const WISEAGENT = 'wiseagent';
/** What Estait does in Wise Agent: the agent's name (profile), contacts and notes, tasks (team), showings (calendar). */
export const WISEAGENT_SCOPES = ['profile', 'contacts', 'team', 'calendar'];
/** Refresh this long before the stated expiry, so a call never starts with a dying token. */
const EARLY_MS = 60_000;

const TokenAnswer = z.object({ access_token: z.string().min(1), refresh_token: z.string().min(1), expires_at: z.string() });

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
  const call = wiseAgentCall({
    base: wiseAgentBase(env),
    access: { token: async () => accessToken },
    timeoutMs: crmTimeoutMs(env),
  });
  const [user] = await call(Users, 'GET', 'getUser', {});
  if (!user?.Email) throw new ApiError(502, 'upstream_error', 'Wise Agent did not say who signed in.');
  return { email: user.Email.toLowerCase(), name: fullName({ firstName: user.First, lastName: user.Last }) };
}

const store = (env: Env, userId: string) => tokenStore(env, userId, WISEAGENT);

export const saveTokens = (env: Env, userId: string, tokens: Tokens, account: string) => store(env, userId).save(tokens, account);

const notConnected = () =>
  new ApiError(403, 'crm_not_connected', 'Connect Wise Agent first: Estait has no Wise Agent sign-in for you.');

/**
 * The agent's Wise Agent access token, refreshed when it is about to expire or when Wise Agent
 * answered 401. Two requests refreshing at once: the loser finds the winner's new token.
 */
export function wiseAgentAccess(env: Env, userId: string): Required<WiseAgentAccess> {
  const tokens = store(env, userId);
  const renew = async (stale: string): Promise<string> => {
    const current = await tokens.load();
    if (!current) throw notConnected();
    if (current.access !== stale && current.expiresAt - Date.now() > EARLY_MS) return current.access;
    let next: Tokens;
    try {
      next = await token(env, { grant_type: 'refresh_token', refresh_token: current.refresh });
    } catch (err) {
      const now = await tokens.load();
      if (now && now.sealed !== current.sealed) return now.access;
      if (err instanceof ApiError && err.code === 'crm_not_connected') await tokens.forget();
      throw err;
    }
    if (!(await tokens.replace(current, next))) {
      const now = await tokens.load();
      if (now) return now.access;
    }
    return next.access;
  };
  return {
    async token(): Promise<string> {
      const current = await tokens.load();
      if (!current) throw notConnected();
      return current.expiresAt - Date.now() > EARLY_MS ? current.access : renew(current.access);
    },
    renew,
  };
}

/** The Wise Agent account (its email) a user signed in with, if they are signed in. */
export const connectedAccount = (env: Env, userId: string) => store(env, userId).account();

/** Sign-out: both tokens are revoked at Wise Agent (best effort: it may be down) and forgotten here. */
export async function revokeTokens(env: Env, userId: string): Promise<void> {
  const tokens = store(env, userId);
  const current = await tokens.load().catch(() => undefined);
  await tokens.forget();
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
