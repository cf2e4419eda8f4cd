import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { FUB_KEY } from '../../e2e/fakes/followupboss';
import { FUZZ_TARGETS, fuzzBodies } from '../../e2e/support/fuzz';
import { ApiErrorBody } from '../../shared/contracts';
import { startSession } from '../auth/session';
import type { Env } from '../env';
import app from '../index';

const BODIES_PER_ROUTE = 80;

const CRMS: [string, Env][] = [
  ['the local CRM', env],
  [
    'Follow Up Boss',
    {
      ...env,
      FUB_API_KEY: FUB_KEY,
      FUB_SYSTEM_KEY: 'sys-key',
      FUB_API_URL: env.TEST_FUB_URL,
      TOKEN_ENCRYPTION_KEY: 'a-test-key-for-sealing-crm-tokens-0123456789',
    },
  ],
];

describe.each(CRMS)('fuzzed input with %s', (crm, bindings) => {
  // Follow Up Boss sign-in exists only where Follow Up Boss is the CRM.
  const targets = FUZZ_TARGETS.filter((t) => crm === 'Follow Up Boss' || t.path !== '/v1/auth/followupboss');
  it.each(targets.map((t) => [`${t.method} ${t.path}`, t] as const))(
    '%s answers every broken body with a 4xx JSON error or a real answer, never a 5xx, and writes only what it accepted',
    async (_label, target) => {
      const user = `fuzz-${crypto.randomUUID()}`;
      const { accessToken } = await startSession(bindings, user);
      const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` };
      let accepted = 0;
      for (const { body, query } of fuzzBodies(target, BODIES_PER_ROUTE, target.path.length)) {
        const url = query ? `${target.path}?${new URLSearchParams(query)}` : target.path;
        const res = await app.request(url, { method: target.method, headers, ...(body !== undefined && { body }) }, bindings);
        expect(res.status, `${url} ${body}`).toBeLessThan(500);
        if (res.status >= 400) expect(ApiErrorBody.safeParse(await res.json()).success, `${url} ${body}`).toBe(true);
        else if (target.path === '/v1/actions/execute') accepted++;
      }
      const writes = await env.DB.prepare('SELECT COUNT(*) AS n FROM activity WHERE user_id = ?')
        .bind(user)
        .first<{ n: number }>();
      // One key for every body: whatever was accepted wrote at most once, and nothing refused wrote at all.
      expect(writes?.n ?? 0).toBeLessThanOrEqual(Math.min(1, accepted));
    },
  );
});
