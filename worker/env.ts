import type { D1Database, DurableObjectNamespace, RateLimit } from '@cloudflare/workers-types';
import type { Providers } from '../shared/contracts';

/** Bindings and variables from wrangler.toml, plus secrets from .dev.vars or `wrangler secret put`. */
export interface Env {
  DB: D1Database;
  /** Each agent's daily AI allowance (worker/limits): one Durable Object per agent. */
  AI_ALLOWANCE: DurableObjectNamespace;
  /** Requests per session and sign-ins per IP address, a minute (Workers rate-limiting bindings, wrangler.toml). */
  API_LIMIT: RateLimit;
  SIGN_IN_LIMIT: RateLimit;
  /** Overrides of the daily AI allowance's defaults (worker/limits/index.ts). */
  LLM_DAILY_CALLS?: string;
  LLM_DAILY_TOKENS?: string;
  /** Comma-separated origins allowed by CORS, e.g. chrome-extension://<id>. Never "*". */
  ALLOWED_ORIGINS: string;
  /** "true" lets POST /v1/auth/local hand out a session with no account: for a local install only. */
  LOCAL_MODE?: string;
  /** Signs the worker's own access tokens (HS256); 32+ random characters. */
  SESSION_SECRET?: string;
  OPENAI_API_KEY?: string;
  /** Any OpenAI-compatible endpoint; OpenAI's own when unset. */
  OPENAI_BASE_URL?: string;
  OPENAI_MODEL?: string;
  WISEAGENT_CLIENT_ID?: string;
  WISEAGENT_CLIENT_SECRET?: string;
  /** Wise Agent's server (OAuth and API); https://sync.thewiseagent.com when unset. */
  WISEAGENT_URL?: string;
  /** Seals the agents' CRM tokens at rest (AES-256-GCM); 32+ random characters, a secret. */
  TOKEN_ENCRYPTION_KEY?: string;
  /** How long one CRM call may take, in ms (default 10 000); a write's lease is derived from it. */
  CRM_TIMEOUT_MS?: string;
  /** A worker-wide Follow Up Boss key: honoured in local mode only; agents of a deployment sign in with their own. */
  FUB_API_KEY?: string;
  /** Follow Up Boss's registered system name and key (apps.followupboss.com/system-registration): a deployment uses Follow Up Boss when set. */
  FUB_SYSTEM?: string;
  FUB_SYSTEM_KEY?: string;
  /** Follow Up Boss's base address; its own when unset. */
  FUB_API_URL?: string;
  REALESTATE_API_KEY?: string;
  /** RealEstateAPI's base address; its own when unset. */
  REALESTATE_API_URL?: string;
  /** A RESO Web API server's OData root, e.g. https://api.example-mls.com/reso/odata. */
  RESO_BASE_URL?: string;
  /** A bearer token for it, or client credentials to get one. */
  RESO_TOKEN?: string;
  RESO_CLIENT_ID?: string;
  RESO_CLIENT_SECRET?: string;
  RESO_TOKEN_URL?: string;
}

/** The signed-in agent a request is made for (worker/auth/session.ts issues and checks it). */
export type Session = { userId: string; sessionId: string };

export type AppEnv = { Bindings: Env; Variables: { requestId: string; session: Session } };

export function allowedOrigins(env: Env): string[] {
  return env.ALLOWED_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '' && o !== '*');
}

/** Which provider serves each kind: the first configured real one, else the built-in default. */
export function providers(env: Env): Providers {
  return {
    llm: env.OPENAI_API_KEY ? 'openai' : 'none',
    crm:
      env.WISEAGENT_CLIENT_ID && env.WISEAGENT_CLIENT_SECRET
        ? 'wiseagent'
        : env.FUB_API_KEY || env.FUB_SYSTEM_KEY
          ? 'followupboss'
          : 'local',
    mls: env.REALESTATE_API_KEY ? 'realestateapi' : env.RESO_BASE_URL ? 'reso' : 'sample',
  };
}

export const crmTimeoutMs = (env: Env) => {
  const ms = Number(env.CRM_TIMEOUT_MS);
  return Number.isFinite(ms) && ms >= 100 ? ms : 10_000;
};
