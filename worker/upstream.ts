import type { z } from 'zod';
import { retryAfterSeconds } from '../shared/retry-after';
import { ApiError } from './errors';

const MAX_WAIT_MS = 5_000;

/** How long to wait after a 429, in milliseconds: its Retry-After (a second without one), capped so a request stays short. */
function retryAfter(res: Response): number {
  const seconds = retryAfterSeconds(res.headers.get('Retry-After')) ?? 1;
  return Math.min(MAX_WAIT_MS, Math.max(0, seconds * 1000));
}

export type UpstreamOptions = {
  /** A write that may not be repeated blindly: a 5xx or a timeout may have landed, so it is not retried here. */
  write?: boolean;
  timeoutMs?: number;
  /** Called once on a 401 with a body the caller understands (an expired OAuth token): new headers, or throw. */
  reauth?: (res: Response) => Promise<HeadersInit | undefined>;
};

/** The provider refused Estait's credentials (401) or a scope the agent did not grant (403). */
export class CredentialsRefused extends ApiError {
  constructor(
    name: string,
    readonly upstreamStatus: 401 | 403,
  ) {
    super(502, 'upstream_auth', `${name} refused Estait's credentials; connect it again (or check the worker's key).`, {
      status: upstreamStatus,
    });
  }
}

/**
 * A request to a data provider: 429 waits as long as Retry-After says and tries again (twice at
 * most — a 429 means nothing was done), a read's 5xx or lost connection is tried once more, and
 * what still fails becomes a clear 502 / 504 for the agent.
 */
export async function upstream(
  name: string,
  url: string,
  init: RequestInit,
  { write = false, timeoutMs = 15_000, reauth }: UpstreamOptions = {},
): Promise<Response> {
  let request = init;
  let reauthed = false;
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(url, { ...request, signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      if (!write && attempt < 1) continue;
      const timedOut = err instanceof DOMException && err.name === 'TimeoutError';
      throw timedOut
        ? new ApiError(504, 'upstream_timeout', `${name} did not answer in time.`)
        : new ApiError(502, 'upstream_unreachable', `${name} could not be reached.`);
    }
    if (res.ok || res.status === 404) return res;
    if (res.status === 401 && reauth && !reauthed) {
      reauthed = true;
      const headers = await reauth(res);
      if (headers) {
        request = { ...request, headers };
        continue;
      }
    }
    if (res.status === 429 && attempt < 2) {
      await new Promise((r) => setTimeout(r, retryAfter(res)));
      continue;
    }
    if (res.status >= 500 && !write && attempt < 1) continue;
    if (res.status === 401 || res.status === 403) throw new CredentialsRefused(name, res.status);
    if (res.status === 429)
      throw new ApiError(429, 'upstream_rate_limited', `${name} is rate-limiting requests; try again shortly.`);
    // The provider refused what was sent: sending it again will not help, so the caller gets a 4xx.
    if (res.status === 400 || res.status === 409 || res.status === 422)
      throw new ApiError(422, 'upstream_rejected', `${name} refused this (${res.status}): ${await reason(res)}`);
    throw new ApiError(502, 'upstream_error', `${name} answered ${res.status}.`);
  }
}

/** A provider's own words for a refusal, short, for the agent to read. */
async function reason(res: Response): Promise<string> {
  const body = (await res.text().catch(() => '')).replace(/\s+/g, ' ').trim();
  return body.slice(0, 200) || 'no reason given';
}

async function digest(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Identical upstream requests are answered from the worker's cache for `ttlMs`, which saves the
 * agent's API credits. The key covers the provider, the request and its body — never the key.
 */
export async function cached<S extends z.ZodType>(
  schema: S,
  provider: string,
  request: string,
  ttlMs: number,
  load: () => Promise<z.output<S>>,
): Promise<{ value: z.output<S>; cached: boolean }> {
  const cache = await caches.open('estait-upstream');
  const key = new Request(`https://cache.estait.invalid/${provider}/${await digest(request)}`);
  const hit = await cache.match(key);
  const kept = hit && schema.safeParse(await hit.json().catch(() => undefined));
  if (kept?.success) return { value: kept.data, cached: true };
  const value = await load();
  await cache.put(
    key,
    new Response(JSON.stringify(value), {
      headers: { 'Content-Type': 'application/json', 'Cache-Control': `max-age=${Math.round(ttlMs / 1000)}` },
    }),
  );
  return { value, cached: false };
}
