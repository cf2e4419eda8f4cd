import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Recorded } from '../../e2e/fakes/http';
import { WISEAGENT_CLIENT, WISEAGENT_USER } from '../../e2e/fakes/wiseagent';
import type { Seed } from '../../e2e/fakes/wiseagent-day';
import { addDays, dateIn } from '../../shared/agenda';
import {
  ActivityResponse,
  ApiErrorBody,
  ContactsResponse,
  ExecuteResponse,
  type ParsedCommand,
  SessionTokens,
} from '../../shared/contracts';
import { base64url, sha256 } from '../../shared/encoding';
import { EXTENSION_ID } from '../../shared/extension-id';
import { crmFor } from '../crm';
import { PartUnavailable } from '../crm/provider';
import { findTarget } from '../crm/resolve';
import type { Env } from '../env';
import app from '../index';
import { SAVED_HOME, saveListing } from './helpers';

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
    const save = saveListing;
    const listing = SAVED_HOME;
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

describe('Wise Agent: the agent’s day', () => {
  const user = `wiseagent:${WISEAGENT_USER.Email}`;
  const seed = async (body: Seed) =>
    (await (await fetch(`${env.TEST_WISEAGENT_URL}/__fake/seed`, { method: 'POST', body: JSON.stringify(body) })).json()) as {
      contacts: number[];
      notes: number[];
      tasks: string[];
      events: number[];
    };
  const seedMariaAndTom = async () => {
    const { contacts } = await seed({
      contacts: [
        { CFirst: 'Maria', CLast: 'Garcia' },
        { CFirst: 'Tom', CLast: 'Nguyen' },
      ],
    });
    return [contacts[0] ?? 0, contacts[1] ?? 0] as const;
  };
  const calls = async (requestType: string) => (await fake.requests()).filter((r) => r.query.requestType === requestType);
  const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
  const DAY = 86_400_000;

  it('reads a contact’s notes and calls newest first, leaving saved listings out, and parses the saved listings back', async () => {
    await signIn();
    const crm = crmFor(wa, user, 'America/Chicago');
    const {
      contacts: [maria = 0],
    } = await seed({ contacts: [{ CFirst: 'Maria', CLast: 'Garcia', CEmail: 'maria@example.com' }] });
    await seed({
      notes: [
        { ClientID: maria, Subject: 'Pre-approval', Note: 'Pre-approved <b>to $700k</b><br>with First Bank', at: ago(3 * DAY) },
        { ClientID: maria, Subject: 'Call via Estait (abcdef0123): Left voicemail', Note: 'about the HOA fee', at: ago(2 * DAY) },
      ],
    });
    const contact = { id: String(maria), firstName: 'Maria', lastName: 'Garcia' };
    const listing = {
      address: '1200 Barton Hills Dr, Austin, TX 78704',
      price: 725000,
      beds: 3,
      baths: 2.5,
      sqft: 1850,
      mlsId: 'ATX-5512',
      url: 'https://www.zillow.com/homedetails/1200-Barton-Hills-Dr/1_zpid/',
    };
    await crm.saveListing({ contact, listing, note: 'loves the yard' }, { key: crypto.randomUUID() });
    await crm.addNote(String(maria), 'wants a pool', { key: crypto.randomUUID() });

    const fresh = crmFor(wa, user, 'America/Chicago');
    const [activity, saved] = await Promise.all([fresh.activity(String(maria), 8), fresh.savedListings(String(maria))]);
    expect(activity).toEqual([
      { id: expect.any(String), kind: 'note', at: expect.any(String), text: 'wants a pool' },
      { id: expect.any(String), kind: 'call', at: expect.any(String), text: 'about the HOA fee', outcome: 'left_voicemail' },
      {
        id: expect.any(String),
        kind: 'note',
        at: expect.any(String),
        subject: 'Pre-approval',
        text: 'Pre-approved to $700k\nwith First Bank',
      },
    ]);
    expect(Date.parse(activity[1]?.at ?? '')).toBeGreaterThan(Date.now() - 2 * DAY - 120_000);
    expect(Date.parse(activity[1]?.at ?? '')).toBeLessThan(Date.now() - 2 * DAY + 120_000);
    expect(saved).toEqual([{ listing, savedAt: expect.any(String) }]);
    // The two parts were read with one getContactNotes call.
    expect(await calls('getContactNotes')).toHaveLength(2);
    expect((await fresh.activity(String(maria), 1)).map((e) => e.text)).toEqual(['wants a pool']);
  });

  it('lists open tasks by contact and those due by a day (with their contact’s name), most overdue first', async () => {
    await signIn();
    const crm = crmFor(wa, user, 'America/Phoenix');
    const today = dateIn('America/Phoenix');
    const [maria, tom] = await seedMariaAndTom();
    await seed({
      tasks: [
        { Description: 'Order the yard sign', ContactID: maria, due: addDays(today, 3) },
        { Description: 'Send the seller disclosure', ContactID: maria, due: addDays(today, -1) },
        { Description: 'Call the lender', ContactID: tom, due: today },
        { Description: 'Book the photographer', ContactID: maria },
        { Description: 'Sign the listing agreement', ContactID: maria, due: addDays(today, -5), completedAt: ago(DAY) },
      ],
    });
    expect(await crm.openTasks({ contactId: String(maria) })).toEqual([
      {
        id: expect.any(String),
        title: 'Send the seller disclosure',
        due: addDays(today, -1),
        done: false,
        contactId: String(maria),
      },
      { id: expect.any(String), title: 'Order the yard sign', due: addDays(today, 3), done: false, contactId: String(maria) },
      { id: expect.any(String), title: 'Book the photographer', done: false, contactId: String(maria) },
    ]);
    expect(await crm.openTasks({ dueBy: today })).toEqual([
      expect.objectContaining({ title: 'Send the seller disclosure', contactName: 'Maria Garcia' }),
      expect.objectContaining({ title: 'Call the lender', due: today, contactName: 'Tom Nguyen' }),
    ]);
  });

  it('reads the calendar in Arizona time and gives showings in the agent’s zone, the contact’s own when asked', async () => {
    await signIn();
    const [maria, tom] = await seedMariaAndTom();
    await seed({
      events: [
        { Subject: 'Showing: 5 Oak Ln', start: '2026-12-10T10:00', end: '2026-12-10T10:30', Attendees: `C${maria}` },
        { Subject: 'Late showing', start: '2026-12-09T23:30', Attendees: `C${tom}`, location: '9 Pine Rd' },
        { Subject: 'Team meeting', start: '2026-12-10T23:15' },
      ],
    });
    // Chicago is an hour ahead of Arizona in December: the team meeting is on the 11th there.
    const crm = crmFor(wa, user, 'America/Chicago');
    await crm.scheduleShowing(
      { contact: { id: String(maria), firstName: 'Maria', lastName: 'Garcia' }, address: '1 Elm St', start: '2026-12-10T15:30' },
      { key: crypto.randomUUID() },
    );
    expect((await fake.state()).events.at(-1)).toMatchObject({ StartDate: '12/10/2026 02:30:00 PM' });

    const day = await crm.events({ from: '2026-12-10', to: '2026-12-10' });
    const asked = (await calls('getCalendar')).at(-1)?.query;
    expect(asked).toMatchObject({ startDate: '12/09/2026 23:00', endDate: '12/10/2026 22:59' });
    expect(day).toEqual([
      {
        id: expect.any(String),
        title: 'Late showing',
        start: '2026-12-10T00:30',
        end: '2026-12-10T00:30',
        address: '9 Pine Rd',
        contactId: String(tom),
      },
      {
        id: expect.any(String),
        title: 'Showing: 5 Oak Ln',
        start: '2026-12-10T11:00',
        end: '2026-12-10T11:30',
        address: '5 Oak Ln',
        contactId: String(maria),
      },
      {
        id: expect.any(String),
        title: 'Showing: 1 Elm St with Maria Garcia',
        start: '2026-12-10T15:30',
        end: '2026-12-10T16:00',
        address: '1 Elm St',
        contactName: 'Maria Garcia',
      },
    ]);
    const hers = await crm.events({ from: '2026-12-10', to: '2027-02-08', contactId: String(maria) });
    expect(hers.map((e) => [e.title, e.contactId, e.contactName])).toEqual([
      ['Showing: 5 Oak Ln', String(maria), 'Maria Garcia'],
      ['Showing: 1 Elm St with Maria Garcia', String(maria), 'Maria Garcia'],
    ]);
  });

  it('finds new leads with no note yet from one page of recently updated contacts', async () => {
    await signIn();
    const crm = crmFor(wa, user, 'America/Phoenix');
    const {
      contacts: [quiet = 0, noted = 0],
    } = await seed({
      contacts: [
        { CFirst: 'Quinn', CLast: 'Lee', addedAt: ago(2 * DAY) },
        { CFirst: 'Nora', CLast: 'Diaz', addedAt: ago(DAY) },
        { CFirst: 'Olga', CLast: 'Old', addedAt: ago(10 * DAY) },
        { CFirst: 'Rhea', CLast: 'Recent', addedAt: ago(3600_000) },
      ],
    });
    await seed({ notes: [{ ClientID: noted, Note: 'called, wants a condo' }] });
    const leads = await crm.newLeads(ago(7 * DAY));
    expect(leads.map((l) => l.contact.firstName)).toEqual(['Rhea', 'Quinn']);
    expect(leads[1]).toMatchObject({ contact: { id: String(quiet), lastName: 'Lee' }, addedAt: expect.any(String) });
    expect(await calls('getContacts')).toEqual([
      expect.objectContaining({
        query: expect.objectContaining({ DateUpdatedUTC: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/) }),
      }),
    ]);
  });

  it('completes a task once with tasks PUT: a second completion is already done, a retry of the same write is not', async () => {
    await signIn();
    const crm = crmFor(wa, user, 'America/Phoenix');
    const {
      contacts: [maria = 0],
    } = await seed({ contacts: [{ CFirst: 'Maria', CLast: 'Garcia' }] });
    const {
      tasks: [disclosure = '', signed = ''],
    } = await seed({
      tasks: [
        { Description: 'Send the seller disclosure', ContactID: maria, due: '2026-12-09', Priority: '2' },
        { Description: 'Sign the listing agreement', ContactID: maria, completedAt: ago(2 * DAY) },
      ],
    });
    expect(await crm.getTask(disclosure)).toEqual({
      id: disclosure,
      title: 'Send the seller disclosure',
      due: '2026-12-09',
      done: false,
      contactId: String(maria),
    });
    expect(await crm.getTask('999999')).toBeUndefined();

    const first = { key: crypto.randomUUID(), since: Date.now() };
    expect(await crm.completeTask(disclosure, { key: first.key })).toEqual({ id: disclosure });
    const puts = (await fake.requests()).filter((r) => r.method === 'PUT');
    expect(puts.map((r) => Object.fromEntries(new URLSearchParams(String(r.body))))).toEqual([
      {
        TaskID: disclosure,
        Description: 'Send the seller disclosure',
        TaskDue: '12/09/2026',
        Priority: '2',
        EstimatedTime: '0',
        ContactID: String(maria),
        Completed: 'yes',
      },
    ]);
    expect((await fake.state()).tasks[0]).toMatchObject({
      Completed: 'true',
      Description: 'Send the seller disclosure',
      TaskDue: '12/09/2026',
    });
    expect(await crm.getTask(disclosure)).toMatchObject({ done: true });

    // The same write again, after its first attempt landed unanswered: its own completion, not "already done".
    expect(await crm.completeTask(disclosure, first)).toEqual({ id: disclosure });
    // Another write on the done task, and a retry on a task the agent closed days ago: already done.
    expect(await crm.completeTask(disclosure, { key: crypto.randomUUID() })).toEqual({ id: disclosure, alreadyDone: true });
    expect(await crm.completeTask(signed, { key: crypto.randomUUID(), since: Date.now() })).toEqual({
      id: signed,
      alreadyDone: true,
    });
    expect((await fake.requests()).filter((r) => r.method === 'PUT')).toHaveLength(1);
    await expect(crm.completeTask('999999', { key: crypto.randomUUID() })).rejects.toMatchObject({ code: 'task_not_found' });
  });

  it('says showings and tasks are unavailable when the agent did not grant the calendar and team scopes', async () => {
    await fetch(`${env.TEST_WISEAGENT_URL}/__fake/withhold`, {
      method: 'POST',
      body: JSON.stringify({ scopes: ['calendar', 'team'] }),
    });
    await signIn();
    const crm = crmFor(wa, user, 'America/Phoenix');
    const {
      contacts: [maria = 0],
    } = await seed({ contacts: [{ CFirst: 'Maria', CLast: 'Garcia' }] });
    const showings = crm.events({ from: '2026-12-10', to: '2026-12-10', contactId: String(maria) });
    await expect(showings).rejects.toBeInstanceOf(PartUnavailable);
    await expect(showings).rejects.toMatchObject({ part: 'showings', message: expect.stringMatching(/calendar/i) });
    await expect(crm.openTasks({ contactId: String(maria) })).rejects.toMatchObject({
      part: 'tasks',
      message: expect.stringMatching(/tasks/),
    });
    expect(await crm.activity(String(maria), 8)).toEqual([]);
  });
});
