// `npm run test:reliability`: the worker's guarantees for a shared deployment, checked from outside
// against workerd (`npm run worker`) and the provider fakes, one figure each. Exits 1 if any fails.
//   npx tsx scripts/reliability.ts [--quick]   (--quick: shorter load runs)
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { sign } from 'hono/jwt';
import { quantile, round } from '../bench/figures/stats';
import { FUB_USERS, startFakeFollowUpBoss } from '../e2e/fakes/followupboss';
import { REALESTATE_KEY, startFakeRealEstateApi } from '../e2e/fakes/realestateapi';
import { FUZZ_TARGETS, type FuzzTarget, fuzzBodies } from '../e2e/support/fuzz';
import { type RunningWorker, startWorker } from '../e2e/support/worker';
import { ActivityResponse, ExecuteResponse, type ParsedCommand, SessionTokens } from '../shared/contracts';
import { EXTENSION_ID } from '../shared/extension-id';

const QUICK = process.argv.includes('--quick');
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;
const SESSION_SECRET = randomBytes(32).toString('base64url');
const CRM_TIMEOUT_MS = 1000;
/** wrangler.toml's SIGN_IN_LIMIT: sign-ins per IP address a minute. */
const SIGN_IN_LIMIT = 60;

type Row = { guarantee: string; figure: string; ok: boolean };
const rows: Row[] = [];
const record = (guarantee: string, figure: string, ok: boolean) => {
  rows.push({ guarantee, figure, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${guarantee}: ${figure}`);
};

const json = (body: unknown) => ({ 'Content-Type': 'application/json', body: JSON.stringify(body) });
async function post(url: string, body: unknown, token?: string) {
  const { body: text, ...headers } = json(body);
  return fetch(url, { method: 'POST', headers: { ...headers, ...(token && { Authorization: `Bearer ${token}` }) }, body: text });
}
const tokensOf = async (res: Response) => SessionTokens.parse(await res.json());

/** A raw HTTP request, for headers fetch will not send (Host). */
function raw(url: string, method: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The resident memory, in MB, of the workerd processes of one worker (its process group). */
function workerdRssMb(worker: RunningWorker): number {
  const group = worker.processGroup();
  const pids = execFileSync('pgrep', ['-g', String(group), 'workerd'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .filter(Boolean);
  let kb = 0;
  for (const pid of pids) kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return round(kb / 1024, 1);
}

const lead = (firstName: string, extra: Record<string, string> = {}): ParsedCommand => ({
  intent: 'add_lead',
  confidence: 1,
  params: { firstName, ...extra },
});
const execute = (base: string, token: string, command: ParsedCommand, idempotencyKey: string) =>
  post(`${base}/v1/actions/execute`, { command, idempotencyKey, tz: 'America/Chicago' }, token);

async function authVariants(deployed: RunningWorker, local: RunningWorker) {
  const base = deployed.url;
  const [owner] = FUB_USERS;
  const signIn = () => post(`${base}/v1/auth/followupboss`, { apiKey: owner?.key });
  const live = await tokensOf(await signIn());
  const now = Math.floor(Date.now() / 1000);
  const claims = JSON.parse(Buffer.from(live.accessToken.split('.')[1] ?? '', 'base64url').toString()) as {
    sub: string;
    sid: string;
  };
  const signedOut = await tokensOf(await signIn());
  await post(`${base}/v1/auth/signout`, {}, signedOut.accessToken);
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const [head = '', , sig = ''] = live.accessToken.split('.');
  const bearer: [string, string | undefined][] = [
    ['no token', undefined],
    ['an empty bearer', 'Bearer '],
    ['Basic credentials', `Basic ${Buffer.from('agent:password').toString('base64')}`],
    ['a token that is not a JWT', 'Bearer not.a.jwt'],
    ['alg none', `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, exp: now + 600 })}.`],
    ['a wrong secret', `Bearer ${await sign({ ...claims, exp: now + 600 }, 'x'.repeat(40), 'HS256')}`],
    ['an expired token', `Bearer ${await sign({ ...claims, exp: now - 60 }, SESSION_SECRET, 'HS256')}`],
    [
      'an unknown session',
      `Bearer ${await sign({ sub: claims.sub, sid: crypto.randomUUID(), exp: now + 600 }, SESSION_SECRET, 'HS256')}`,
    ],
    [
      'another user on a session',
      `Bearer ${await sign({ sub: 'someone-else', sid: claims.sid, exp: now + 600 }, SESSION_SECRET, 'HS256')}`,
    ],
    ['a payload changed under its signature', `Bearer ${head}.${b64({ ...claims, sub: 'admin' })}.${sig}`],
    ['the refresh token as a bearer', `Bearer ${live.refreshToken}`],
    ['a signed-out session', `Bearer ${signedOut.accessToken}`],
  ];
  let refused = 0;
  const leaks: string[] = [];
  for (const [label, header] of bearer) {
    const res = await fetch(`${base}/v1/contacts?query=a`, { headers: header ? { Authorization: header } : {} });
    if (res.status === 401) refused++;
    else leaks.push(`${label} → ${res.status}`);
  }
  const signInTries: [string, () => Promise<number>][] = [
    ['local sign-in on a deployment', async () => (await fetch(`${base}/v1/auth/local`, { method: 'POST' })).status],
    [
      'a wrong Follow Up Boss key',
      async () => (await post(`${base}/v1/auth/followupboss`, { apiKey: 'wrong-key-000000' })).status,
    ],
    [
      'a refresh token never issued',
      async () => (await post(`${base}/v1/auth/refresh`, { refreshToken: 'x'.repeat(43) })).status,
    ],
    ['a DNS-rebinding Host on a local install', () => raw(`${local.url}/v1/auth/local`, 'POST', { Host: 'rebind.evil.example' })],
    ['a rebinding Host with the port', () => raw(`${local.url}/v1/auth/local`, 'POST', { Host: 'rebind.evil.example:8787' })],
  ];
  for (const [label, attempt] of signInTries) {
    const status = await attempt();
    if (status >= 400 && status < 500) refused++;
    else leaks.push(`${label} → ${status}`);
  }
  const tried = bearer.length + signInTries.length;
  record(
    'auth variants tried / refused',
    `${tried} / ${refused}${leaks.length ? ` (let in: ${leaks.join('; ')})` : ''}`,
    refused === tried,
  );
}

async function foreignOrigins(worker: RunningWorker) {
  const origins = [
    'https://evil.example',
    'null',
    'chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    `https://${EXTENSION_ID}.evil.example`,
    'http://127.0.0.1:3000',
  ];
  let refused = 0;
  for (const origin of origins) {
    const preflight = await fetch(`${worker.url}/v1/actions/execute`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization' },
    });
    const simple = await fetch(`${worker.url}/v1/health`, { headers: { Origin: origin } });
    if (!preflight.headers.get('access-control-allow-origin') && !simple.headers.get('access-control-allow-origin')) refused++;
  }
  const own = await fetch(`${worker.url}/v1/health`, { headers: { Origin: EXTENSION_ORIGIN } });
  const granted = own.headers.get('access-control-allow-origin') === EXTENSION_ORIGIN;
  record(
    'foreign origins refused (the extension granted)',
    `${refused} / ${origins.length}${granted ? '' : ' — the extension itself was not granted'}`,
    refused === origins.length && granted,
  );
}

/**
 * Fuzzes `targets`, each with a session of its own (under the per-session limit). Sign-in routes
 * count against the per-IP limit, so they are fuzzed apart, last, where a 429 is a right answer too.
 */
async function fuzz(
  label: string,
  worker: RunningWorker,
  targets: FuzzTarget[],
  signIn: () => Promise<string>,
  perRoute: number,
) {
  const reader = await signIn();
  const activity = async () => {
    const res = await fetch(`${worker.url}/v1/activity`, { headers: { Authorization: `Bearer ${reader}` } });
    return ActivityResponse.parse(await res.json()).entries.length;
  };
  const tokens = await Promise.all(targets.map(() => signIn()));
  const before = await activity();
  let sent = 0;
  let fiveXX = 0;
  let accepted = 0;
  const perRouteFigures: string[] = [];
  for (const [i, target] of targets.entries()) {
    const token = tokens[i];
    let routeFive = 0;
    for (const { body, query } of fuzzBodies(target, perRoute, 7 + target.path.length)) {
      const url = `${worker.url}${target.path}${query ? `?${new URLSearchParams(query)}` : ''}`;
      const res = await fetch(url, {
        method: target.method,
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        ...(body !== undefined && { body }),
      });
      await res.arrayBuffer();
      sent++;
      if (res.status >= 500) routeFive++;
      if (res.ok && target.path === '/v1/actions/execute') accepted++;
    }
    fiveXX += routeFive;
    perRouteFigures.push(`${target.path.replace('/v1/', '')} ${routeFive}`);
  }
  const after = await activity();
  // Every execute body shares one key: at most the one accepted body may have written.
  const writes = after - before;
  record(
    `fuzzed bodies, ${label}: 5xx / writes by refused bodies`,
    `${sent} bodies over ${targets.length} routes → 5xx ${fiveXX} (${perRouteFigures.join(', ')}); writes ${Math.max(0, writes - Math.min(1, accepted))}`,
    fiveXX === 0 && writes <= Math.min(1, accepted),
  );
}

async function concurrentAdds(label: string, base: string, token: string, count: (email: string) => Promise<number>) {
  const key = `same-key-${randomBytes(6).toString('hex')}`;
  const sameKeyEmail = `${key}@example.com`;
  const sameKey = await Promise.all(
    Array.from({ length: 50 }, () => execute(base, token, lead('Same', { email: sameKeyEmail }), key)),
  );
  const statuses = sameKey.map((r) => r.status);
  const email = `same-email-${randomBytes(6).toString('hex')}@example.com`;
  const sameEmail = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      execute(base, token, lead(`Same${i}`, { email }), `k-${randomBytes(8).toString('hex')}`),
    ),
  );
  const results = await Promise.all(
    sameEmail.map(async (r) => (r.ok ? ExecuteResponse.parse(await r.json()).result.status : r.status)),
  );
  const [a, b] = [await count(sameKeyEmail), await count(email)];
  record(
    `50 concurrent same-key adds → contacts (${label})`,
    `${a} (answers: ${summarise(statuses)})`,
    a === 1 && statuses.every((s) => s === 200 || s === 409),
  );
  record(`50 concurrent same-email adds → contacts (${label})`, `${b} (answers: ${summarise(results)})`, b === 1);
}

function summarise(xs: (string | number)[]): string {
  const counts = new Map<string | number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k}×${n}`).join(', ');
}

async function sessions(base: string) {
  const [owner] = FUB_USERS;
  const signIn = async () => tokensOf(await post(`${base}/v1/auth/followupboss`, { apiKey: owner?.key }));
  const out = await signIn();
  await post(`${base}/v1/auth/signout`, {}, out.accessToken);
  const afterSignOut = (await fetch(`${base}/v1/contacts?query=a`, { headers: { Authorization: `Bearer ${out.accessToken}` } }))
    .status;
  const family = await signIn();
  const next = await tokensOf(await post(`${base}/v1/auth/refresh`, { refreshToken: family.refreshToken }));
  // A replay past the grace window is theft: the family ends, and its newest access token with it.
  await new Promise((r) => setTimeout(r, 10_500));
  const replay = (await post(`${base}/v1/auth/refresh`, { refreshToken: family.refreshToken })).status;
  const afterRevoke = (await fetch(`${base}/v1/contacts?query=a`, { headers: { Authorization: `Bearer ${next.accessToken}` } }))
    .status;
  record(
    'revoked token refused (sign-out; stolen refresh token replayed)',
    `${afterSignOut} after sign-out; replay ${replay}, then ${afterRevoke}`,
    afterSignOut === 401 && replay === 401 && afterRevoke === 401,
  );

  let kept = 0;
  const trials = 20;
  for (let i = 0; i < trials; i++) {
    const s = await signIn();
    const both = await Promise.all([1, 2].map(() => post(`${base}/v1/auth/refresh`, { refreshToken: s.refreshToken })));
    const later = both[1]?.ok ? await tokensOf(both[1]) : undefined;
    const still = later && (await post(`${base}/v1/auth/refresh`, { refreshToken: later.refreshToken })).ok;
    if (both.every((r) => r.ok) && still) kept++;
  }
  record('concurrent refreshes → session kept', `${kept} / ${trials}`, kept === trials);
}

async function rateLimit(base: string) {
  const [owner] = FUB_USERS;
  const s = await tokensOf(await post(`${base}/v1/auth/followupboss`, { apiKey: owner?.key }));
  const statuses: number[] = [];
  let retryAfter: string | null = null;
  for (let i = 0; i < 300; i++) {
    const res = await fetch(`${base}/v1/properties/autocomplete?q=12`, { headers: { Authorization: `Bearer ${s.accessToken}` } });
    await res.arrayBuffer();
    statuses.push(res.status);
    if (res.status === 429) retryAfter ??= res.headers.get('retry-after');
  }
  const first = statuses.indexOf(429);
  record(
    'rate limit per session → 429 with Retry-After',
    first < 0 ? 'never 429 in 300 requests' : `first 429 at request ${first + 1} of 300, Retry-After ${retryAfter} s`,
    first > 0 && Number(retryAfter) >= 1,
  );
}

async function signInLimit(base: string) {
  let first = -1;
  for (let i = 0; i < SIGN_IN_LIMIT + 5 && first < 0; i++) {
    const res = await fetch(`${base}/v1/auth/local`, { method: 'POST' });
    await res.arrayBuffer();
    if (res.status === 429) first = i + 1;
  }
  record(
    'sign-in limit per IP address → 429',
    first < 0
      ? `never 429 in ${SIGN_IN_LIMIT + 5} attempts`
      : `first 429 at attempt ${first} (${SIGN_IN_LIMIT} a minute, this run's own sign-ins counted)`,
    first > 0,
  );
}

async function faultRun(fub: Awaited<ReturnType<typeof startFakeFollowUpBoss>>, worker: RunningWorker, token: string) {
  const writes: ParsedCommand[] = Array.from({ length: 20 }, (_, i) =>
    i % 2 ? lead(`Fault${i}`, { email: `fault-${i}-${randomBytes(3).toString('hex')}@example.com` }) : lead(`Fault${i}`),
  );
  const keys = writes.map(() => `fault-${randomBytes(8).toString('hex')}`);
  await fetch(`${fub.url}/__fake/chaos`, {
    method: 'POST',
    body: JSON.stringify({ rate: 0.3, seed: 20261204, hangMs: 3 * CRM_TIMEOUT_MS }),
  });
  const done = new Set<number>();
  let crashed = false;
  let attempts = 0;
  const deadline = Date.now() + 150_000;
  for (let round = 0; done.size < writes.length && Date.now() < deadline; round++) {
    if (round === 1 && !crashed) {
      crashed = true;
      await worker.crashAndRestart();
    }
    await Promise.all(
      writes.map(async (w, i) => {
        if (done.has(i)) return;
        attempts++;
        const res = await execute(worker.url, token, w, keys[i] ?? '').catch(() => undefined);
        if (res?.ok) done.add(i);
        else await res?.arrayBuffer();
      }),
    );
    await new Promise((r) => setTimeout(r, 300));
  }
  await fetch(`${fub.url}/__fake/chaos`, { method: 'POST', body: JSON.stringify({ rate: 0 }) });
  const faults = (await (await fetch(`${fub.url}/__fake/chaos`)).json()) as Record<string, number>;
  const people = fub.people.filter((p) => p.firstName.startsWith('Fault'));
  const distinct = new Set(people.map((p) => p.firstName)).size;
  record(
    '20 confirmed writes under 30 % CRM faults and a worker restart → landed exactly once',
    `${done.size} answered, ${people.length} in the CRM (${distinct} distinct); ${attempts} attempts; faults ${JSON.stringify(faults)}`,
    done.size === 20 && people.length === 20 && distinct === 20 && crashed,
  );
}

/** One loop per token (each its own agent), sending `send` for `seconds`. */
async function load(
  label: string,
  tokens: string[],
  seconds: number,
  send: (token: string) => Promise<Response>,
): Promise<number> {
  const connections = tokens.length;
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    tokens.map(async (token) => {
      while (performance.now() < end) {
        const t = performance.now();
        const res = await send(token).catch(() => undefined);
        await res?.arrayBuffer();
        latencies.push(performance.now() - t);
        const status = res?.status ?? 0;
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const errors = Object.entries(statuses)
    .filter(([s]) => s !== '200' && s !== '429')
    .reduce((n, [, c]) => n + c, 0);
  record(
    `load, ${connections} connections, ${label}`,
    `${round(latencies.length / elapsed, 0)} req/s, p50 ${round(quantile(latencies, 0.5), 1)} ms, p99 ${round(quantile(latencies, 0.99), 1)} ms, 429 ${statuses[429] ?? 0}, other errors ${errors}`,
    errors === 0,
  );
  return latencies.length;
}

const fub = await startFakeFollowUpBoss();
const deployed = await startWorker({
  LOCAL_MODE: 'false',
  SESSION_SECRET,
  FUB_SYSTEM: 'Estait',
  FUB_SYSTEM_KEY: 'reliability-system-key',
  FUB_API_URL: fub.url,
  CRM_TIMEOUT_MS: String(CRM_TIMEOUT_MS),
});
const mls = await startFakeRealEstateApi();
// The local install with a real MLS provider, so a repeated search is answered from the worker's cache.
const local = await startWorker({ REALESTATE_API_KEY: REALESTATE_KEY, REALESTATE_API_URL: mls.url });
try {
  console.log(`Deployment (Follow Up Boss, per-agent keys) at ${deployed.url}; local install at ${local.url}\n`);
  await authVariants(deployed, local);
  await foreignOrigins(deployed);
  const [, second] = FUB_USERS;
  // A session per part: each stays under the per-session limit, which is measured on its own.
  const fubAgent = async () =>
    (await tokensOf(await post(`${deployed.url}/v1/auth/followupboss`, { apiKey: second?.key }))).accessToken;
  const isSignIn = (t: FuzzTarget) => t.path.startsWith('/v1/auth/');
  const perRoute = QUICK ? 20 : 60;
  await fuzz(
    'API routes',
    deployed,
    FUZZ_TARGETS.filter((t) => !isSignIn(t)),
    fubAgent,
    perRoute,
  );
  await concurrentAdds(
    'Follow Up Boss',
    deployed.url,
    await fubAgent(),
    async (email) => fub.people.filter((p) => p.emails.some((e) => e.value.toLowerCase() === email)).length,
  );
  const localAgent = await tokensOf(await fetch(`${local.url}/v1/auth/local`, { method: 'POST' }));
  await concurrentAdds('local CRM', local.url, localAgent.accessToken, async (email) => {
    const res = await fetch(`${local.url}/v1/contacts?${new URLSearchParams({ query: email })}`, {
      headers: { Authorization: `Bearer ${localAgent.accessToken}` },
    });
    return ((await res.json()) as { contacts: unknown[] }).contacts.length;
  });
  await sessions(deployed.url);
  await rateLimit(deployed.url);
  await faultRun(fub, deployed, await fubAgent());
  await fuzz('sign-in routes', deployed, FUZZ_TARGETS.filter(isSignIn), fubAgent, perRoute);
  await signInLimit(deployed.url);

  const seconds = QUICK ? 3 : 10;
  const agents = await Promise.all(
    Array.from(
      { length: 50 },
      async () => (await tokensOf(await fetch(`${local.url}/v1/auth/local`, { method: 'POST' }))).accessToken,
    ),
  );
  const planBody = JSON.stringify({ text: '3 bed condos in Austin under 500k', now: '2026-12-04T10:00', tz: 'America/Chicago' });
  const searchBody = JSON.stringify({ criteria: { location: 'Austin, TX', bedsMin: 3, priceMax: 500000 } });
  const sender = (path: string, body: string) => (token: string) =>
    fetch(`${local.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body,
    });
  const runs: [string, (token: string) => Promise<Response>][] = [
    ['plan', sender('/v1/commands/plan', planBody)],
    ['cached search', sender('/v1/properties/search', searchBody)],
    ['plan, again', sender('/v1/commands/plan', planBody)],
    ['cached search, again', sender('/v1/properties/search', searchBody)],
  ];
  // Memory per 1,000 requests, run after run: a leak grows by the same each time; workerd's heap
  // settling grows by less and less.
  const rss = [workerdRssMb(local)];
  const growth: number[] = [];
  for (const [label, send] of runs) {
    const requests = await load(label, agents, seconds, send);
    rss.push(workerdRssMb(local));
    growth.push(round((((rss.at(-1) ?? 0) - (rss.at(-2) ?? 0)) * 1000) / Math.max(1, requests), 1));
  }
  const [plan1 = 0, search1 = 0, plan2 = 0, search2 = 0] = growth;
  record(
    'workerd memory under load (RSS, MB; growth per 1,000 requests)',
    `${rss.join(' → ')}; ${growth.join(', ')}`,
    plan2 < plan1 && search2 <= search1,
  );
} finally {
  await Promise.all([deployed.stop(), local.stop()]);
  await Promise.all([fub.close(), mls.close()]);
}

const width = Math.max(...rows.map((r) => r.guarantee.length));
console.log(`\n${'Guarantee'.padEnd(width)} | Result | Figure`);
console.log(`${'-'.repeat(width)}-|--------|-------`);
for (const r of rows) console.log(`${r.guarantee.padEnd(width)} | ${r.ok ? 'ok    ' : 'FAIL  '} | ${r.figure}`);
process.exit(rows.every((r) => r.ok) ? 0 : 1);
