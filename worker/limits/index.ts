import type { RateLimit } from '@cloudflare/workers-types';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, Env, Session } from '../env';
import { ApiError } from '../errors';
import { Usage } from './ai-allowance';

/** The daily AI allowance's defaults, each overridable by a worker variable of the same name (see Env). */
const DEFAULTS = {
  /** LLM calls and tokens per agent per UTC day; past them planning uses the local parser. */
  LLM_DAILY_CALLS: 500,
  LLM_DAILY_TOKENS: 1_000_000,
} as const;

export function limitOf(env: Env, name: keyof typeof DEFAULTS): number {
  const value = Number(env[name]);
  return Number.isFinite(value) && value > 0 ? value : DEFAULTS[name];
}

/** The rate-limiting bindings count per minute (wrangler.toml); a refused caller waits for the next one. */
const PERIOD_S = 60;

/**
 * Counts one request against a rate-limiting binding (Cloudflare's own counter, near the caller:
 * no storage round trip). It gives no time to wait, so Retry-After is the end of the minute.
 */
async function enforce(limiter: RateLimit, key: string, what: string): Promise<void> {
  if ((await limiter.limit({ key })).success) return;
  const retryAfterS = Math.max(1, Math.ceil(PERIOD_S - ((Date.now() / 1000) % PERIOD_S)));
  // errorResponse turns details.retryAfterS into the Retry-After header.
  throw new ApiError(429, 'rate_limited', `Too many ${what}; try again in ${retryAfterS} s.`, { retryAfterS });
}

/** Where sessions are handed out for proof of an account: per IP address (a refresh proves itself with its token). */
const SIGN_IN_PATHS = new Set([
  '/v1/auth/local',
  '/v1/auth/followupboss',
  '/v1/auth/wiseagent/start',
  '/v1/auth/wiseagent/session',
]);

/** Per IP, for the routes that start sessions. */
export const signInLimit = createMiddleware<AppEnv>(async (c, next) => {
  if (SIGN_IN_PATHS.has(c.req.path)) {
    const ip = c.req.header('CF-Connecting-IP') ?? 'unknown';
    await enforce(c.env.SIGN_IN_LIMIT, `ip:${ip}`, 'sign-in attempts from this address');
  }
  await next();
});

/** Per session, for everything behind sign-in (run by requireSession, beside the session check). */
export const enforceSessionLimit = (env: Env, session: Session) =>
  enforce(env.API_LIMIT, `session:${session.sessionId}`, 'requests');

/** Asks the agent's allowance (its Durable Object) and validates the answer. */
async function ask(env: Env, name: string, path: '/usage' | '/spend', body: unknown): Promise<Usage> {
  const stub = env.AI_ALLOWANCE.get(env.AI_ALLOWANCE.idFromName(name));
  const res = await stub.fetch(`https://ai-allowance${path}`, { method: 'POST', body: JSON.stringify(body) });
  return Usage.parse(await res.json());
}

/** The agent's day of LLM use: whether another call fits, and adding what a call used. */
export function llmBudget(env: Env, userId: string, now = new Date()) {
  const day = now.toISOString().slice(0, 10);
  const name = `llm:${userId}`;
  return {
    async allows(): Promise<boolean> {
      const used = await ask(env, name, '/usage', { day });
      return used.calls < limitOf(env, 'LLM_DAILY_CALLS') && used.tokens < limitOf(env, 'LLM_DAILY_TOKENS');
    },
    spend: (calls: number, tokens: number) => ask(env, name, '/spend', { day, calls, tokens }),
  };
}
