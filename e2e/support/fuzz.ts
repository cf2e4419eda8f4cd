import { seededRandom } from '../../shared/random';

/** One request to fuzz: a route and a valid body (or query) to mutate. */
export type FuzzTarget = { method: 'GET' | 'POST'; path: string; body?: unknown; query?: Record<string, string> };

/** Each route that takes input, with a body it accepts: the mutations start from something real. */
export const FUZZ_TARGETS: FuzzTarget[] = [
  {
    method: 'POST',
    path: '/v1/commands/plan',
    body: { text: 'remind me to call Maria Garcia tomorrow at 3', now: '2026-03-10T09:00', tz: 'America/Chicago' },
  },
  {
    method: 'POST',
    path: '/v1/actions/execute',
    body: {
      command: {
        intent: 'create_task',
        confidence: 0.9,
        params: { contact: 'Maria Garcia', title: 'Call Maria', due: '2026-03-11T15:00' },
      },
      idempotencyKey: 'fuzz-key-000001',
      tz: 'America/Chicago',
    },
  },
  {
    method: 'POST',
    path: '/v1/drafts',
    body: {
      command: { intent: 'draft_message', confidence: 0.9, params: { contact: 'Maria', channel: 'email', purpose: 'follow up' } },
    },
  },
  { method: 'POST', path: '/v1/properties/search', body: { criteria: { location: 'Austin, TX', bedsMin: 3, priceMax: 500000 } } },
  { method: 'GET', path: '/v1/properties/details', query: { address: '100 Main St, Austin, TX 78701' } },
  { method: 'GET', path: '/v1/properties/autocomplete', query: { q: '100 Ma' } },
  { method: 'GET', path: '/v1/contacts', query: { query: 'Maria' } },
  { method: 'POST', path: '/v1/auth/refresh', body: { refreshToken: 'x'.repeat(43) } },
  { method: 'POST', path: '/v1/auth/followupboss', body: { apiKey: 'not-a-key-000' } },
];

const STRANGE: unknown[] = [
  null,
  true,
  -1,
  0,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  '',
  ' ',
  'x'.repeat(5000),
  '2026-13-45T25:99',
  '2026-02-30',
  '9999-99-99',
  '\u0000\u0007\u001b[31m',
  '\u202egnp.exe',
  '<script>alert(1)</script>',
  "'; DROP TABLE contacts; --",
  '../../etc/passwd',
  '%00',
  '😀'.repeat(300),
  [],
  [1, 2, 3],
  {},
  { __proto__: { admin: true } },
  { constructor: { prototype: { admin: true } } },
];

/**
 * Mutates a body the way a broken or hostile client would: a field replaced by a strange value,
 * removed, or joined by an unknown one; the whole body nested, truncated or not JSON at all.
 * Seeded: run N gives the same bodies every time.
 */
export function fuzzBodies(target: FuzzTarget, count: number, seed = 1): { body?: string; query?: Record<string, string> }[] {
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const out: { body?: string; query?: Record<string, string> }[] = [];
  const paths = (value: unknown, prefix: string[] = []): string[][] =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])])
      : [];
  for (let i = 0; i < count; i++) {
    if (target.query) {
      const key = pick([...Object.keys(target.query), 'extra']);
      const strange = pick(STRANGE);
      out.push({ query: { ...target.query, [key]: typeof strange === 'string' ? strange : JSON.stringify(strange) } });
      continue;
    }
    const body = structuredClone(target.body) as Record<string, unknown>;
    const kind = rand();
    if (kind < 0.08) {
      const text = JSON.stringify(body);
      out.push({ body: text.slice(0, Math.floor(rand() * text.length)) });
      continue;
    }
    if (kind < 0.12) {
      out.push({ body: JSON.stringify(Array.from({ length: 200 }).reduce<unknown>((inner) => ({ a: inner }), body)) });
      continue;
    }
    const path = pick(paths(body));
    let parent: Record<string, unknown> = body;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
    const last = path.at(-1) ?? 'x';
    const what = rand();
    if (what < 0.15) delete parent[last];
    else if (what < 0.25) parent[`${last}Extra`] = pick(STRANGE);
    else parent[last] = pick(STRANGE);
    out.push({ body: JSON.stringify(body) });
  }
  return out;
}
