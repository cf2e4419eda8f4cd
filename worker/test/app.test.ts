import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { ApiErrorBody, Health } from '../../shared/contracts';
import { EXTENSION_ID } from '../../shared/extension-id';

const EXTENSION = `chrome-extension://${EXTENSION_ID}`;
const url = (path: string) => `http://127.0.0.1:8787${path}`;

describe('GET /v1/health', () => {
  it('answers with the version and the built-in providers when no secret is set', async () => {
    const res = await SELF.fetch(url('/v1/health'));
    expect(res.status).toBe(200);
    const body = Health.parse(await res.json());
    expect(body).toMatchObject({ ok: true, providers: { llm: 'none', crm: 'local', mls: 'sample' } });
  });

  it('puts a request id on every response, and keeps a sane one from the caller', async () => {
    const fresh = await SELF.fetch(url('/v1/health'));
    expect(fresh.headers.get('X-Request-Id')).toMatch(/^[\w-]{8,}$/);
    const given = await SELF.fetch(url('/v1/health'), { headers: { 'X-Request-Id': 'trace-1234' } });
    expect(given.headers.get('X-Request-Id')).toBe('trace-1234');
  });
});

describe('CORS', () => {
  it('grants the extension origin', async () => {
    const res = await SELF.fetch(url('/v1/health'), { headers: { Origin: EXTENSION } });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(EXTENSION);
  });

  it('answers a preflight from the extension', async () => {
    const res = await SELF.fetch(url('/v1/health'), {
      method: 'OPTIONS',
      headers: { Origin: EXTENSION, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(EXTENSION);
    expect(res.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('content-type');
  });

  it.each(['https://evil.example', 'chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'null'])(
    'gives no grant to %s',
    async (origin) => {
      for (const method of ['GET', 'OPTIONS']) {
        const res = await SELF.fetch(url('/v1/health'), {
          method,
          headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' },
        });
        expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
        expect(res.headers.get('Access-Control-Allow-Credentials')).toBeNull();
      }
    },
  );
});

describe('errors', () => {
  it('answers an unknown route with the JSON error shape', async () => {
    const res = await SELF.fetch(url('/nope'), { headers: { Origin: EXTENSION } });
    expect(res.status).toBe(404);
    const body = ApiErrorBody.parse(await res.json());
    expect(body.error).toMatchObject({ code: 'not_found' });
    expect(body.error.requestId).toBe(res.headers.get('X-Request-Id'));
  });

  it('keeps the CORS grant on errors, so the extension can read them', async () => {
    const res = await SELF.fetch(url('/v1/activity'), { headers: { Origin: EXTENSION } });
    expect(res.status).toBe(401);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(EXTENSION);
  });

  it('refuses a body over the limit with 413 JSON', async () => {
    const res = await SELF.fetch(url('/v1/health'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(70_000) }),
    });
    expect(res.status).toBe(413);
    expect(ApiErrorBody.parse(await res.json()).error.code).toBe('payload_too_large');
  });
});
