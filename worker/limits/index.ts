import { createMiddleware } from 'hono/factory';
import type { z } from 'zod';
import type { AppEnv, Env } from '../env';
import { ApiError } from '../errors';
import { Taken, Usage } from './limiter';

/** Defaults, each overridable by a worker variable of the same name (see Env). */
const DEFAULTS = {
  /** Requests per minute per session: several times what a busy agent's panel sends. */
  RATE_LIMIT_PER_MINUTE: 240,
  /** Sign-ins and refreshes per minute per IP address: a brokerage's office shares one. */
  SIGN_IN_LIMIT_PER_MINUTE: 60,
  /** LLM calls and tokens per agent per UTC day; past them planning uses the local parser. */
  LLM_DAILY_CALLS: 500,
  LLM_DAILY_TOKENS: 1_000_000,
} as const;

export function limitOf(env: Env, name: keyof typeof DEFAULTS): number {
  const value = Number(env[name]);
  return Number.isFinite(value) && value > 0 ? value : DEFAULTS[name];
}

const MINUTE_MS = 60_000;

/** A 429 the caller can act on: it says when to come back. */
export class RateLimited extends ApiError {
  constructor(
    message: string,
    readonly retryAfterS: number,
  ) {
    super(429, 'rate_limited', message, { retryAfterS });
  }
}

/** Asks the counter called `name` (one Durable Object each) and validates its answer. */
async function ask<T extends z.ZodType>(env: Env, name: string, path: string, body: unknown, answer: T): Promise<z.infer<T>> {
  const stub = env.LIMITER.get(env.LIMITER.idFromName(name));
  const res = await stub.fetch(`https://limiter${path}`, { method: 'POST', body: JSON.stringify(body) });
  return answer.parse(await res.json());
}

async function enforce(env: Env, name: string, limit: number, what: string): Promise<void> {
  const taken = await ask(env, name, '/take', { limit, windowMs: MINUTE_MS }, Taken);
  if (!taken.ok) throw new RateLimited(`Too many ${what}; try again in ${taken.retryAfterS} s.`, taken.retryAfterS);
}

/** Per IP, for the routes that hand out sessions: sign-in and refresh. */
export const signInLimit = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.method === 'POST') {
    const ip = c.req.header('CF-Connecting-IP') ?? 'unknown';
    await enforce(c.env, `ip:${ip}`, limitOf(c.env, 'SIGN_IN_LIMIT_PER_MINUTE'), 'sign-in attempts from this address');
  }
  await next();
});

/** Per session, for everything behind sign-in. */
export const sessionLimit = createMiddleware<AppEnv>(async (c, next) => {
  await enforce(c.env, `session:${c.get('session').sessionId}`, limitOf(c.env, 'RATE_LIMIT_PER_MINUTE'), 'requests');
  await next();
});

/** The agent's day of LLM use: whether another call fits, and adding what a call used. */
export function llmBudget(env: Env, userId: string, now = new Date()) {
  const day = now.toISOString().slice(0, 10);
  const name = `llm:${userId}`;
  return {
    async allows(): Promise<boolean> {
      const used = await ask(env, name, '/usage', { day }, Usage);
      return used.calls < limitOf(env, 'LLM_DAILY_CALLS') && used.tokens < limitOf(env, 'LLM_DAILY_TOKENS');
    },
    spend: (calls: number, tokens: number) => ask(env, name, '/spend', { day, calls, tokens }, Usage),
  };
}
