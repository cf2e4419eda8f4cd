import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Recorded } from '../../e2e/fakes/http';
import { WISEAGENT_CLIENT, WISEAGENT_USER } from '../../e2e/fakes/wiseagent';
import {
  ActivityResponse,
  ApiErrorBody,
  ContactsResponse,
  ExecuteResponse,
  type ParsedCommand,
  SessionTokens,
} from '../../shared/contracts';
import { base64url, sha256 } from '../../shared/encoding';
import { crmFor } from '../crm';
import { findTarget } from '../crm/resolve';
import type { Env } from '../env';
import app from '../index';

const EXTENSION_ID = 'ibfdcdcgalmnedalgokgpbjbpiighioa';
const REDIRECT = `https://${EXTENSION_ID}.chromiumapp.org/wiseagent`;
const wa: Env = {
  ...env,
  LOCAL_MODE: 'false',
  WISEAGENT_CLIENT_ID: WISEAGENT_CLIENT.id,
  WISEAGENT_CLIENT_SECRET: WISEAGENT_CLIENT.secret,
  WISEAGENT_URL: env.TEST_WISEAGENT_URL,
  TOKEN_ENCRYPTION_KEY: 'a-test-key-for-sealing-crm-tokens-0123456789',
  CRM_TIMEOUT_MS: '500',
};
const fake = {
  requests: async () => (await (await fetch(`${env.TEST_WISEAGENT_URL}/__fake/requests`)).json()) as Recorded[],
  state: async () =>
    (await (await fetch(`${env.TEST_WISEAGENT_URL}/__fake/state`)).json()) as {
      contacts: { ClientID: number; CEmail: string; CustomData: string }[];
      notes: { Subject: string; Note: string }[];
      tasks: { Description: string; TaskDue: string; ContactID: string }[];
      events: { Subject: string; StartDate: string }[];
      liveAccessTokens: number;
    },
  reset: () => fetch(`${env.TEST_WISEAGENT_URL}/__fake/reset`, { method: 'POST' }),
  expire: () => fetch(`${env.TEST_WISEAGENT_URL}/__fake/expire`, { method: 'POST' }),
  fail: (body: { status?: number; retryAfter?: number; hangMs?: number }) =>
    fetch(`${env.TEST_WISEAGENT_URL}/__fake/fail`, { method: 'POST', body: JSON.stringify({ status: 0, ...body }) }),
};

/** The whole round trip as chrome.identity.launchWebAuthFlow drives it: each redirect followed by hand. */
async function signIn(bindings: Env = wa): Promise<SessionTokens> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const start = await app.request(
    `/v1/auth/wiseagent/start?${new URLSearchParams({ redirect_uri: REDIRECT, challenge: await sha256(verifier) })}`,
    {},
    bindings,
  );
  expect(start.status).toBe(302);
  const consent = new URL(start.headers.get('location') ?? '');
  expect(consent.origin + consent.pathname).toBe(`${env.TEST_WISEAGENT_URL}/WiseAuth/auth`);
  expect(consent.searchParams.get('scope')).toBe('profile contacts team calendar');
  expect(consent.searchParams.get('code_challenge_method')).toBe('S256');
  const approved = await fetch(consent, { redirect: 'manual' });
  const callback = new URL(approved.headers.get('location') ?? '');
  expect(callback.pathname).toBe('/v1/auth/wiseagent/callback');
  const done = await app.request(callback.pathname + callback.search, {}, bindings);
  expect(done.status).toBe(302);
  const landing = new URL(done.headers.get('location') ?? '');
  expect(landing.origin + landing.pathname).toBe(REDIRECT);
  const code = landing.searchParams.get('code') ?? '';
  const session = await app.request(
    '/v1/auth/wiseagent/session',
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code, verifier }) },
    bindings,
  );
  expect(session.status).toBe(201);
  return SessionTokens.parse(await session.json());
}

function as(tokens: SessionTokens, bindings: Env = wa) {
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${tokens.accessToken}` };
  return {
    execute: (command: ParsedCommand, idempotencyKey = crypto.randomUUID()) =>
      app.request(
        '/v1/actions/execute',
        { method: 'POST', headers, body: JSON.stringify({ command, idempotencyKey, tz: 'America/Phoenix' }) },
        bindings,
      ),
    get: (path: string) => app.request(path, { headers }, bindings),
    post: (path: string) => app.request(path, { method: 'POST', headers }, bindings),
  };
}
const lead = (params: Record<string, unknown>): ParsedCommand =>
  ({ intent: 'add_lead', confidence: 1, params: { firstName: 'Rita', lastName: 'Moreno', ...params } }) as ParsedCommand;

beforeEach(async () => {
  await fake.reset();
});

describe('Wise Agent sign-in', () => {
  it('runs the OAuth round trip: the code is exchanged by the worker, the tokens stay sealed in D1', async () => {
    const tokens = await signIn();
    const exchange = (await fake.requests()).find((r) => r.path === '/WiseAuth/token');
    expect(exchange?.body).toMatchObject({
      grant_type: 'authorization_code',
      client_id: WISEAGENT_CLIENT.id,
      client_secret: WISEAGENT_CLIENT.secret,
    });
    const row = await env.DB.prepare('SELECT access_token, refresh_token, account FROM crm_tokens WHERE user_id = ?')
      .bind(`wiseagent:${WISEAGENT_USER.Email}`)
      .first<{ access_token: string; refresh_token: string; account: string }>();
    expect(row?.account).toBe(WISEAGENT_USER.Email);
    expect(row?.access_token).toMatch(/^v1\./);
    const sent = (await fake.requests()).find((r) => r.path === '/http/webconnect.asp');
    const plain = String(sent?.headers.authorization).replace('Bearer ', '');
    expect(row?.access_token).not.toContain(plain);
    expect(JSON.stringify(tokens)).not.toContain(plain);
  });

  it('refuses a foreign redirect, a reused state, a reused code and a wrong verifier', async () => {
    const bad = await app.request(
      `/v1/auth/wiseagent/start?${new URLSearchParams({ redirect_uri: 'https://evil.example/cb', challenge: 'x'.repeat(43) })}`,
      {},
      wa,
    );
    expect(bad.status).toBe(400);
    expect(ApiErrorBody.parse(await bad.json()).error.code).toBe('invalid_redirect');
    const replay = await app.request('/v1/auth/wiseagent/callback?state=nope&code=abc', {}, wa);
    expect(replay.status).toBe(400);
    const wrong = await app.request(
      '/v1/auth/wiseagent/session',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code: 'c'.repeat(43), verifier: 'v'.repeat(43) }),
      },
      wa,
    );
    expect(wrong.status).toBe(401);
  });

  it('sends a denied consent back to the extension as an error, storing nothing', async () => {
    await fetch(`${env.TEST_WISEAGENT_URL}/__fake/deny`, { method: 'POST' });
    const start = await app.request(
      `/v1/auth/wiseagent/start?${new URLSearchParams({ redirect_uri: REDIRECT, challenge: 'x'.repeat(43) })}`,
      {},
      wa,
    );
    const consent = await fetch(start.headers.get('location') ?? '', { redirect: 'manual' });
    const callback = new URL(consent.headers.get('location') ?? '');
    const done = await app.request(callback.pathname + callback.search, {}, wa);
    expect(done.headers.get('location')).toBe(`${REDIRECT}?error=access_denied`);
    expect((await fake.requests()).some((r) => r.path === '/WiseAuth/token')).toBe(false);
  });

  it('answers 403 crm_not_connected for a session with no Wise Agent sign-in, and 501 when unconfigured', async () => {
    const { startSession } = await import('../auth/session');
    const local = await startSession(wa, 'someone-else');
    const res = await as(local).execute(lead({ email: 'x@example.com' }));
    expect(res.status).toBe(403);
    expect(ApiErrorBody.parse(await res.json()).error.code).toBe('crm_not_connected');
    const unconfigured = await app.request(
      `/v1/auth/wiseagent/start?${new URLSearchParams({ redirect_uri: REDIRECT, challenge: 'x'.repeat(43) })}`,
      {},
      { ...env },
    );
    expect(unconfigured.status).toBe(501);
  });
});

describe('Wise Agent CRM', () => {
  it('creates a lead with webcontact (form-encoded, Bearer), then a note, a task and a showing', async () => {
    const a = as(await signIn());
    const consent = {
      channels: ['sms'],
      text: 'Yes, text me about homes',
      at: '2026-11-20T10:00:00-07:00',
      source: 'open house sign-in',
    };
    const created = ExecuteResponse.parse(
      await (await a.execute(lead({ email: 'rita@example.com', phone: '+14805550190', consent, notes: 'wants a pool' }))).json(),
    );
    expect(created).toMatchObject({
      ok: true,
      result: { status: 'done', contact: { firstName: 'Rita', email: 'rita@example.com', consent } },
    });
    const id = created.result.status === 'done' ? created.result.crmId : '';
    const webcontact = (await fake.requests()).find((r) => r.query.requestType === 'webcontact');
    expect(webcontact?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(webcontact?.headers.authorization).toMatch(/^Bearer /);
    expect(Object.fromEntries(new URLSearchParams(String(webcontact?.body)))).toMatchObject({
      CFirst: 'Rita',
      CLast: 'Moreno',
      CEmail: 'rita@example.com',
      MobilePhone: '+14805550190',
      Source: 'Estait',
    });

    for (const command of [
      { intent: 'add_note', confidence: 1, params: { contactId: id, text: 'pre-approved' } },
      { intent: 'create_task', confidence: 1, params: { contact: 'Rita Moreno', title: 'call Rita', due: '2026-03-11T15:00' } },
      { intent: 'schedule_showing', confidence: 1, params: { contactId: id, address: '123 Main St', start: '2026-03-12T10:30' } },
    ] as ParsedCommand[]) {
      const res = await a.execute(command);
      expect(res.status, await res.clone().text()).toBe(200);
    }
    const state = await fake.state();
    expect(state.notes).toMatchObject([{ Note: 'wants a pool' }, { Note: 'pre-approved' }]);
    expect(state.tasks).toMatchObject([{ Description: 'call Rita', TaskDue: '03/11/2026', ContactID: id }]);
    expect(state.events).toMatchObject([
      { Subject: 'Showing: 123 Main St with Rita Moreno', StartDate: '3/12/2026 10:30:00 AM' },
    ]);
    const log = ActivityResponse.parse(await (await a.get('/v1/activity')).json());
    expect(log.entries.map((e) => e.provider)).toEqual(['wiseagent', 'wiseagent', 'wiseagent', 'wiseagent']);
  });

  it('reports a lead Wise Agent already has as a duplicate and finds contacts by name, email or phone', async () => {
    const a = as(await signIn());
    await a.execute(lead({ email: 'dup@example.com', phone: '+14805550111' }));
    const again = ExecuteResponse.parse(await (await a.execute(lead({ firstName: 'Rita B', email: 'dup@example.com' }))).json());
    expect(again).toMatchObject({ ok: false, result: { status: 'duplicate', contact: { email: 'dup@example.com' } } });
    expect((await fake.state()).contacts).toHaveLength(1);
    for (const query of ['Moreno', 'dup@example.com', '(480) 555-0111']) {
      const found = ContactsResponse.parse(await (await a.get(`/v1/contacts?query=${encodeURIComponent(query)}`)).json());
      expect(found, query).toMatchObject({ provider: 'wiseagent', contacts: [{ email: 'dup@example.com' }] });
    }
  });

  it('refreshes an expired token after a 401 invalid_grant and sends the call again', async () => {
    const a = as(await signIn());
    await fake.expire();
    const res = await a.execute(lead({ email: 'late@example.com' }));
    expect(res.status).toBe(200);
    const paths = (await fake.requests()).map(
      (r) => `${r.method} ${r.path}${r.query.requestType ? `?${r.query.requestType}` : ''}`,
    );
    const refreshAt = paths.lastIndexOf('POST /WiseAuth/token');
    expect(refreshAt).toBeGreaterThan(0);
    expect(paths.slice(refreshAt - 1, refreshAt)).toEqual(['GET /http/webconnect.asp?getContacts']);
    expect(paths.slice(refreshAt)).toContain('POST /http/webconnect.asp?webcontact');
  });

  it('backs off on 429 with Retry-After', async () => {
    const a = as(await signIn());
    await fake.fail({ status: 429, retryAfter: 0 });
    expect((await a.execute(lead({ email: 'slow@example.com' }))).status).toBe(200);
    expect((await fake.state()).contacts).toHaveLength(1);
  });

  it('writes once when a call timed out after it landed: the retry finds the note instead of adding another', async () => {
    const a = as(await signIn());
    const created = ExecuteResponse.parse(await (await a.execute(lead({ email: 'once@example.com' }))).json());
    const contactId = created.result.status === 'done' ? created.result.crmId : '';
    const note: ParsedCommand = { intent: 'add_note', confidence: 1, params: { contactId, text: 'called back' } };
    const key = crypto.randomUUID();
    // getSingleContact answers at once; addContactNote is carried out, but answered after the worker gave up.
    await fake.fail({ hangMs: 0 });
    await fake.fail({ hangMs: 1500 });
    const first = await a.execute(note, key);
    expect(first.status).toBe(504);
    const second = ExecuteResponse.parse(await (await a.execute(note, key)).json());
    expect(second).toMatchObject({ ok: true, result: { status: 'done', intent: 'add_note' } });
    expect((await fake.state()).notes.filter((n) => n.Note === 'called back')).toHaveLength(1);
    const again = ExecuteResponse.parse(await (await a.execute(note, key)).json());
    expect(again).toEqual(second);
  });

  it('logs a call as a note whose subject says how it went, once even when the first attempt timed out', async () => {
    const a = as(await signIn());
    const created = ExecuteResponse.parse(
      await (await a.execute(lead({ firstName: 'Tom', lastName: 'Nguyen', email: 'tom@example.com' }))).json(),
    );
    const contactId = created.result.status === 'done' ? created.result.crmId : '';
    const voicemail = await a.execute({
      intent: 'log_call',
      confidence: 1,
      params: { contact: 'tom nguyen', outcome: 'left_voicemail', notes: 'about the HOA fee' },
    });
    expect(ExecuteResponse.parse(await voicemail.json()).result.summary).toBe('Call with Tom Nguyen — left voicemail');

    const call: ParsedCommand = { intent: 'log_call', confidence: 1, params: { contactId, outcome: 'no_answer' } };
    const key = crypto.randomUUID();
    // getSingleContact answers at once; addContactNote is carried out, but answered after the worker gave up.
    await fake.fail({ hangMs: 0 });
    await fake.fail({ hangMs: 800 });
    expect((await a.execute(call, key)).status).toBe(504);
    expect((await a.execute(call, key)).status).toBe(200);
    expect((await fake.state()).notes).toEqual([
      expect.objectContaining({
        Subject: expect.stringMatching(/^Call via Estait \(\w{10}\): Left voicemail$/),
        Note: 'about the HOA fee',
      }),
      expect.objectContaining({ Subject: expect.stringMatching(/^Call via Estait \(\w{10}\): No answer$/), Note: 'No answer' }),
    ]);
  });

  it('saves a listing to a contact as one note (address, price, MLS #, link); a second save is a duplicate', async () => {
    const a = as(await signIn());
    const created = ExecuteResponse.parse(
      await (await a.execute(lead({ firstName: 'Maria', lastName: 'Garcia', email: 'maria@example.com' }))).json(),
    );
    const contactId = created.result.status === 'done' ? created.result.crmId : '';
    const listing = {
      address: '1200 Barton Hills Dr, Austin, TX 78704',
      price: 725000,
      beds: 3,
      baths: 2,
      mlsId: 'ATX-5512',
      url: 'https://www.zillow.com/homedetails/1200-Barton-Hills-Dr/1_zpid/',
    };
    const save = (params: Record<string, unknown>) =>
      ({ intent: 'save_listing', confidence: 1, params: { listing, ...params } }) as ParsedCommand;
    const key = crypto.randomUUID();
    // getSingleContact and getContactNotes answer at once; addContactNote is kept, but answered after the worker gave up.
    await fake.fail({ hangMs: 0 });
    await fake.fail({ hangMs: 0 });
    await fake.fail({ hangMs: 800 });
    expect((await a.execute(save({ contactId, note: 'loves the yard' }), key)).status).toBe(504);
    const landed = ExecuteResponse.parse(await (await a.execute(save({ contactId, note: 'loves the yard' }), key)).json());
    expect(landed.result).toMatchObject({
      status: 'done',
      intent: 'save_listing',
      summary: `Saved ${listing.address} for Maria Garcia`,
    });
    const again = ExecuteResponse.parse(
      await (
        await a.execute(save({ contact: 'Maria Garcia', listing: { address: '1200 Barton Hills Dr., Austin, TX 78704' } }))
      ).json(),
    );
    expect(again.result).toMatchObject({ status: 'duplicate', contact: { id: contactId } });
    const saved = (await fake.state()).notes.filter((n) => n.Subject.startsWith('Saved listing'));
    expect(saved).toEqual([
      expect.objectContaining({
        Subject: `Saved listing: ${listing.address}`,
        Note: expect.stringMatching(
          /^Interested in 1200 Barton Hills Dr, Austin, TX 78704\n\$725,000 · 3 bd · 2 ba\nMLS # ATX-5512\nhttps:\/\/www\.zillow\.com\/\S+\nloves the yard\n\(via Estait \w{10}\)$/,
        ),
      }),
    ]);
    const bad = await a.execute({ intent: 'save_listing', confidence: 1, params: { contactId } } as unknown as ParsedCommand);
    expect(bad.status).toBe(400);
    expect((await a.execute(save({ contactId, listing: { address: '   ' } }))).status).toBe(400);
  });

  it('finds a target by the folded spelling too; unchecked, with the reason, for an agent not signed in', async () => {
    const a = as(await signIn());
    await a.execute(lead({ firstName: 'Jose', lastName: 'Nunez', email: 'jose@example.com' }));
    const target = await findTarget(crmFor(wa, `wiseagent:${WISEAGENT_USER.Email}`), { contact: 'José' });
    expect(target).toMatchObject({ status: 'one', contacts: [{ firstName: 'Jose', lastName: 'Nunez' }] });
    const queries = (await fake.requests()).filter((r) => r.query.requestType === 'getContacts').map((r) => r.query.nameQuery);
    expect(queries.slice(-2)).toEqual(['José', 'jose']);
    const signedOut = await findTarget(crmFor(wa, 'someone-else'), { contact: 'Jose' });
    expect(signedOut).toMatchObject({
      query: 'Jose',
      status: 'unchecked',
      contacts: [],
      message: expect.stringMatching(/Wise Agent/),
    });
  });

  it('signs out: both tokens are revoked at Wise Agent, forgotten here, and the session ends', async () => {
    const tokens = await signIn();
    const a = as(tokens);
    expect((await a.post('/v1/auth/signout')).status).toBe(200);
    const revokes = (await fake.requests()).filter((r) => r.path === '/WiseAuth/revoke');
    expect(revokes.map((r) => new URLSearchParams(String(r.body)).get('token_type_hint')).sort()).toEqual([
      'access_token',
      'refresh_token',
    ]);
    const left = await env.DB.prepare('SELECT count(*) AS n FROM crm_tokens WHERE user_id = ?')
      .bind(`wiseagent:${WISEAGENT_USER.Email}`)
      .first<{ n: number }>();
    expect(left?.n).toBe(0);
    const refresh = await app.request(
      '/v1/auth/refresh',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ refreshToken: tokens.refreshToken }),
      },
      wa,
    );
    expect(refresh.status).toBe(401);
  });
});
