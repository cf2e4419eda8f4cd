import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export type Recorded = {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: unknown;
};

export type FakeServer = { url: string; requests: Recorded[]; close: () => Promise<void> };

export const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

/**
 * A small HTTP server for an upstream API's fake: records every request, can be told to fail the
 * next one (429 with Retry-After, 500…), and hands the rest to `handle`. Tests steer it over HTTP
 * (they may run inside workerd, out of reach of this process's memory): GET /__fake/requests,
 * POST /__fake/fail {status, retryAfter?}, POST /__fake/reset.
 */
export async function fakeServer(
  handle: (req: Recorded, res: ServerResponse) => void,
  failure: (res: ServerResponse, status: number, retryAfter?: number) => void,
  { delayMs = 0 } = {},
): Promise<FakeServer> {
  const requests: Recorded[] = [];
  const failures: { status: number; retryAfter?: number }[] = [];
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
    if (url.pathname === '/__fake/reset') {
      requests.length = 0;
      failures.length = 0;
      return sendJson(res, 200, {});
    }
    if (url.pathname === '/__fake/fail') {
      failures.push(body as { status: number; retryAfter?: number });
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
    const fail = failures.shift();
    if (fail) return failure(res, fail.status, fail.retryAfter);
    handle(recorded, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('the fake server has no port');
  server.unref();
  return { url: `http://127.0.0.1:${address.port}`, requests, close: () => new Promise((r) => server.close(() => r())) };
}
