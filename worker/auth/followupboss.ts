import { z } from 'zod';
import { Crm } from '../../shared/contracts';
import { fubHeaders } from '../crm/followupboss';
import { crmTimeoutMs, type Env } from '../env';
import { ApiError } from '../errors';
import { tokenStore } from './crm-tokens';

/**
 * Follow Up Boss sign-in: each agent pastes their own API key (Admin → API in Follow Up Boss). The
 * worker asks Follow Up Boss whose key it is (GET /v1/me), keeps it sealed per user in D1 like
 * Wise Agent's tokens, and opens a session for that Follow Up Boss user. A worker-wide key
 * (FUB_API_KEY) serves only a local install.
 */
export const FOLLOWUPBOSS = Crm.enum.followupboss;

/** GET /v1/me: the user the key belongs to (docs.followupboss.com, "Users"). */
const Me = z.object({ id: z.number(), email: z.string().optional(), name: z.string().optional() });

export const fubBase = (env: Env) => (env.FUB_API_URL || 'https://api.followupboss.com').replace(/\/$/, '');

/** The Follow Up Boss user behind an API key, or a 401 the agent can act on. */
export async function whoseKey(env: Env, apiKey: string): Promise<z.infer<typeof Me>> {
  const res = await fetch(`${fubBase(env)}/v1/me`, {
    headers: fubHeaders(apiKey, env.FUB_SYSTEM, env.FUB_SYSTEM_KEY),
    signal: AbortSignal.timeout(crmTimeoutMs(env)),
  }).catch(() => {
    throw new ApiError(502, 'upstream_unreachable', 'Follow Up Boss could not be reached.');
  });
  if (res.status === 401 || res.status === 403)
    throw new ApiError(401, 'crm_key_refused', 'Follow Up Boss did not accept this API key; copy it again from Admin → API.');
  if (!res.ok) throw new ApiError(502, 'upstream_error', `Follow Up Boss answered ${res.status}.`);
  const me = Me.safeParse(await res.json().catch(() => undefined));
  if (!me.success) throw new ApiError(502, 'upstream_error', 'Follow Up Boss answered in a form Estait does not know.');
  return me.data;
}

/** The session's user for a Follow Up Boss user: stable across new keys for the same person. */
export const fubUserId = (me: z.infer<typeof Me>) => `${FOLLOWUPBOSS}:${me.email?.toLowerCase() ?? me.id}`;

export const saveKey = (env: Env, userId: string, apiKey: string, account: string) =>
  tokenStore(env, userId, FOLLOWUPBOSS).saveKey(apiKey, account);

/** The worker-wide key, which only a local install may use. */
const sharedKey = (env: Env) => (env.LOCAL_MODE === 'true' ? env.FUB_API_KEY : undefined);

/** Which key a user's calls go with: their own, else (local install only) the worker's. */
export async function fubKey(env: Env, userId: string): Promise<string> {
  const own = await tokenStore(env, userId, FOLLOWUPBOSS).loadKey();
  if (own !== undefined) return own;
  const shared = sharedKey(env);
  if (shared) return shared;
  throw new ApiError(403, 'crm_not_connected', 'Connect Follow Up Boss first: paste your API key on Estait’s options page.');
}

/** The Follow Up Boss account (its email) a user signed in with; the worker's own in a local install. */
export async function fubAccount(env: Env, userId: string): Promise<string | undefined> {
  return (await tokenStore(env, userId, FOLLOWUPBOSS).account()) ?? (sharedKey(env) ? '' : undefined);
}

export const forgetKey = (env: Env, userId: string) => tokenStore(env, userId, FOLLOWUPBOSS).forget();
