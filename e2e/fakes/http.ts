import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { seededRandom } from '../../shared/random';

export type Recorded = {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: unknown;
};

export type FakeServer = { url: string; requests: Recorded[]; close: () => Promise<void> };

/**
 * Faults on a share of calls, as a flaky upstream has them: a 500 or a 429 (nothing done), or a
 * timeout — the call is carried out but its answer comes `hangMs` later, after the caller gave up.
 * Seeded, so a run can be repeated.
 */
export type Chaos = { rate: number; seed: number; hangMs: number };

export const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

/**
 * A small HTTP server for an upstream API's fake: records every request, can be told to fail the
 * next one (429 with Retry-After, 500…), and hands the rest to `handle`. Tests steer it over HTTP
 * (they may run inside workerd, out of reach of this process's memory): GET /__fake/requests,
 * POST /__fake/fail {status, retryAfter?} or {hangMs} (carried out, answered that late; 0: as usual), POST /__fake/chaos {rate, seed, hangMs} (only calls that
 * `chaosOn` picks; GET it for the faults dealt so far), GET /__fake/state (what the upstream holds), POST /__fake/reset.
 */
export async function fakeServer(
  handle: (req: Recorded, res: ServerResponse) => void,
  failure: (res: ServerResponse, status: number, retryAfter?: number) => void,
  {
    delayMs = 0,
    state,
    reset,
    chaosOn = () => true,
  }: {
    delayMs?: number;
    state?: () => unknown;
    reset?: () => void;
    chaosOn?: (req: Recorded) => boolean;
  } = {},
): Promise<FakeServer> {
  const requests: Recorded[] = [];
  const failures: { status: number; retryAfter?: number; hangMs?: number }[] = [];
  let chaos: (Chaos & { next: () => number }) | undefined;
  const faults = { 500: 0, 429: 0, timeout: 0 };
  const server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const url = new URL(req.url ?? '/', 'http://fake');
    let body: unknown = raw;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      // Form bodies stay as text.
    }
    if (url.pathname === '/__fake/requests') return sendJson(res, 200, requests);
    if (url.pathname === '/__fake/state') return sendJson(res, 200, state?.() ?? {});
    if (url.pathname === '/__fake/reset') {
      requests.length = 0;
      failures.length = 0;
      chaos = undefined;
      reset?.();
      return sendJson(res, 200, {});
    }
    if (url.pathname === '/__fake/chaos' && req.method === 'GET') return sendJson(res, 200, faults);
    if (url.pathname === '/__fake/chaos') {
      const c = body as Chaos | null;
      chaos = c && c.rate > 0 ? { ...c, next: seededRandom(c.seed) } : undefined;
      return sendJson(res, 200, {});
    }
    if (url.pathname === '/__fake/fail') {
      failures.push(body as { status: number; retryAfter?: number; hangMs?: number });
      return sendJson(res, 200, {});
    }
    const recorded = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
    };
    requests.push(recorded);
    // A fixed answer time, as a real API's, so overhead ratios have something to stand on.
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    const hang = (ms: number) => {
      const end = res.end.bind(res);
      res.end = ((...args: Parameters<typeof end>) => {
        setTimeout(() => end(...args), ms);
        return res;
      }) as typeof res.end;
    };
    const fail = failures.shift();
    if (fail?.hangMs !== undefined) {
      if (fail.hangMs > 0) hang(fail.hangMs);
    } else if (fail) return failure(res, fail.status, fail.retryAfter);
    else if (chaos && chaosOn(recorded) && chaos.next() < chaos.rate) {
      const kind = chaos.next();
      if (kind < 1 / 3) {
        faults[500]++;
        return failure(res, 500);
      }
      if (kind < 2 / 3) {
        faults[429]++;
        return failure(res, 429, 1);
      }
      faults.timeout++;
      hang(chaos.hangMs);
    }
    handle(recorded, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('the fake server has no port');
  server.unref();
  return { url: `http://127.0.0.1:${address.port}`, requests, close: () => new Promise((r) => server.close(() => r())) };
}
