import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { ARCHIVED_SOURCE, FUB_KEY, FUB_USERS } from '../../e2e/fakes/followupboss';
import { seedAgentDay, seedFollowUpBoss } from '../../e2e/fakes/followupboss-seed';
import type { Recorded } from '../../e2e/fakes/http';
import {
  AccountResponse,
  ApiErrorBody,
  BriefEntry,
  ContactsResponse,
  ENTRY_TEXT_MAX,
  ExecuteResponse,
  SessionTokens,
  type WriteCommand,
} from '../../shared/contracts';
import { startSession } from '../auth/session';
import { crmFor } from '../crm';
import { findTarget } from '../crm/resolve';
import type { Env } from '../env';
import app from '../index';
import { client } from './helpers';

const fub: Env = { ...env, FUB_API_KEY: FUB_KEY, FUB_SYSTEM: 'Estait', FUB_SYSTEM_KEY: 'sys-key', FUB_API_URL: env.TEST_FUB_URL };
const control = {
  requests: async () => (await (await fetch(`${env.TEST_FUB_URL}/__fake/requests`)).json()) as Recorded[],
  reset: () => fetch(`${env.TEST_FUB_URL}/__fake/reset`, { method: 'POST' }),
  fail: (status: number, retryAfter?: number) =>
    fetch(`${env.TEST_FUB_URL}/__fake/fail`, { method: 'POST', body: JSON.stringify({ status, retryAfter }) }),
  failWith: (body: { hangMs: number }) =>
    fetch(`${env.TEST_FUB_URL}/__fake/fail`, { method: 'POST', body: JSON.stringify(body) }),
  /** What FUB holds for a person, read through its own API. */
  list: async (collection: 'calls' | 'notes' | 'events', personId: string) =>
    (
      (await (
        await fetch(`${env.TEST_FUB_URL}/v1/${collection}?personId=${personId}&limit=100`, {
          headers: { Authorization: `Basic ${btoa(`${FUB_KEY}:`)}` },
        })
      ).json()) as Record<string, Record<string, unknown>[]>
    )[collection] ?? [],
};

async function agent(bindings: Env = fub) {
  const { accessToken } = await startSession(bindings, `agent-${crypto.randomUUID()}`);
  const api = client(bindings, accessToken);
  return {
    execute: (command: WriteCommand, idempotencyKey = crypto.randomUUID()) =>
      api.v1.actions.execute.$post({ json: { command, idempotencyKey, tz: 'America/Chicago' } }),
    api,
  };
}
const lead = (params: Record<string, string>): WriteCommand => ({
  intent: 'add_lead',
  confidence: 1,
  params: { firstName: 'Rita', lastName: 'Moreno', ...params },
});

/** Adds a lead through the worker: its FUB person id. */
async function added(a: Awaited<ReturnType<typeof agent>>, params: Record<string, string>) {
  const { result } = ExecuteResponse.parse(await (await a.execute(lead(params))).json());
  return result.status === 'done' ? result.crmId : '';
}

beforeEach(async () => {
  await control.reset();
});

describe('Follow Up Boss', () => {
  it('reports itself as the CRM and sends Basic auth with the key and the X-System headers', async () => {
    const health = await app.request('/v1/health', {}, fub);
    expect(await health.json()).toMatchObject({ providers: { crm: 'followupboss' } });
    const a = await agent();
    await a.api.v1.contacts.$get({ query: { query: 'nobody' } });
    const [sent] = await control.requests();
    expect(sent?.headers).toMatchObject({
      authorization: `Basic ${btoa(`${FUB_KEY}:`)}`,
      'x-system': 'Estait',
      'x-system-key': 'sys-key',
    });
    expect(sent).toMatchObject({ method: 'GET', path: '/v1/people', query: { name: 'nobody', limit: '25' } });
  });

  it('creates a lead through /v1/events, then a note, a task and a showing for that person', async () => {
    const a = await agent();
    const created = ExecuteResponse.parse(
      await (await a.execute(lead({ email: 'rita@example.com', phone: '+15125550190', notes: 'wants a condo' }))).json(),
    );
    expect(created).toMatchObject({
      ok: true,
      result: { status: 'done', contact: { firstName: 'Rita', email: 'rita@example.com' } },
    });
    const id = created.result.status === 'done' ? created.result.crmId : '';
    const events = (await control.requests()).filter((r) => r.path === '/v1/events');
    expect(events[0]?.body).toMatchObject({
      type: 'Registration',
      source: 'Estait',
      message: 'wants a condo',
      person: { emails: [{ value: 'rita@example.com' }], phones: [{ value: '+15125550190' }] },
    });

    for (const command of [
      { intent: 'add_note', confidence: 1, params: { contactId: id, text: 'pre-approved' } },
      { intent: 'create_task', confidence: 1, params: { contact: 'Rita Moreno', title: 'call Rita', due: '2026-03-11T15:00' } },
      { intent: 'schedule_showing', confidence: 1, params: { contactId: id, address: '123 Main St', start: '2026-03-12T10:30' } },
    ] as WriteCommand[]) {
      expect((await a.execute(command)).status).toBe(200);
    }
    const writes = (await control.requests()).filter((r) => r.method === 'POST' && r.path !== '/v1/events');
    expect(writes.map((w) => [w.path, w.body])).toEqual([
      [
        '/v1/notes',
        {
          personId: Number(id),
          subject: expect.stringMatching(/^Note via Estait \(\w{10}\)$/),
          body: 'pre-approved',
          isHtml: false,
        },
      ],
      ['/v1/tasks', { personId: Number(id), name: 'call Rita', type: 'Follow Up', dueDateTime: '2026-03-11T15:00:00-05:00' }],
      [
        '/v1/tasks',
        { personId: Number(id), name: 'Showing at 123 Main St', type: 'Showing', dueDateTime: '2026-03-12T10:30:00-05:00' },
      ],
    ]);
  });

  it('reports a lead whose email or phone FUB already has as a duplicate, writing nothing', async () => {
    const a = await agent();
    await a.execute(lead({ email: 'dup@example.com' }));
    await control.reset();
    const again = ExecuteResponse.parse(await (await a.execute(lead({ firstName: 'Rita B', email: 'dup@example.com' }))).json());
    expect(again).toMatchObject({ ok: false, result: { status: 'duplicate', contact: { email: 'dup@example.com' } } });
    expect((await control.requests()).some((r) => r.path === '/v1/events')).toBe(false);
    const found = ContactsResponse.parse(await (await a.api.v1.contacts.$get({ query: { query: 'dup@example.com' } })).json());
    expect(found).toMatchObject({ provider: 'followupboss', contacts: [{ email: 'dup@example.com' }] });
  });

  it('backs off on 429 with Retry-After, and says clearly when the key is refused or the lead flow is archived', async () => {
    const a = await agent();
    await control.fail(429, 0);
    expect((await a.execute(lead({ email: 'slow@example.com' }))).status).toBe(200);
    expect((await control.requests()).filter((r) => r.path === '/v1/people').length).toBeGreaterThanOrEqual(2);

    const refused = await (await agent({ ...fub, FUB_API_KEY: 'wrong' })).execute(lead({ email: 'x@example.com' }));
    expect(refused.status).toBe(502);
    expect(ApiErrorBody.parse(await refused.json()).error.code).toBe('upstream_auth');

    const archived = await a.execute(lead({ email: 'arch@example.com', source: ARCHIVED_SOURCE }));
    expect(archived.status).toBe(422);
    expect(ApiErrorBody.parse(await archived.json()).error.code).toBe('lead_flow_archived');
  });

  it('writes once when a call timed out after it landed: the retry looks for the note and the task first', async () => {
    const a = await agent({ ...fub, CRM_TIMEOUT_MS: '500' });
    const created = ExecuteResponse.parse(await (await a.execute(lead({ email: 'once@example.com' }))).json());
    const contactId = created.result.status === 'done' ? created.result.crmId : '';
    for (const command of [
      { intent: 'add_note', confidence: 1, params: { contactId, text: 'called back' } },
      { intent: 'create_task', confidence: 1, params: { contactId, title: 'send comps', due: '2026-03-11' } },
    ] as WriteCommand[]) {
      const key = crypto.randomUUID();
      // The person lookup answers at once; the write is carried out but answered after the worker gave up.
      await control.failWith({ hangMs: 0 });
      await control.failWith({ hangMs: 1500 });
      expect((await a.execute(command, key)).status).toBe(504);
      expect((await a.execute(command, key)).status).toBe(200);
    }
    const writes = (await control.requests()).filter((r) => r.method === 'POST' && r.path !== '/v1/events');
    expect(writes.map((w) => w.path)).toEqual(['/v1/notes', '/v1/tasks']);
  });

  it('logs calls with POST /v1/calls (outcome mapped, reference in the note), and as a note for a person with no phone', async () => {
    const a = await agent();
    const tom = await added(a, { firstName: 'Tom', lastName: 'Nguyen', phone: '+15125550177' });
    const ann = await added(a, { firstName: 'Ann', email: 'ann@example.com' });
    const calls = [
      { contactId: tom, outcome: 'left_voicemail', notes: 'about the HOA' },
      { contact: 'Tom Nguyen', outcome: 'connected', notes: 'wants a second showing' },
      { contactId: tom, outcome: 'no_answer' },
      { contactId: ann, outcome: 'left_voicemail', notes: 'about the HOA' },
    ];
    const summaries = [];
    for (const params of calls) {
      const res = ExecuteResponse.parse(
        await (await a.execute({ intent: 'log_call', confidence: 1, params } as WriteCommand)).json(),
      );
      summaries.push(res.result.summary);
    }
    expect(summaries).toEqual([
      'Call with Tom Nguyen — left voicemail',
      'Call with Tom Nguyen — connected',
      'Call with Tom Nguyen — no answer',
      'Call with Ann Moreno — left voicemail',
    ]);
    const [voicemail, connected, noAnswer, ...more] = await control.list('calls', tom);
    expect(more).toEqual([]);
    expect(voicemail).toMatchObject({
      personId: Number(tom),
      phone: '+15125550177',
      isIncoming: false,
      outcome: 'Left Message',
      note: expect.stringMatching(/^about the HOA \(via Estait \w{10}\)$/),
    });
    expect(connected).not.toHaveProperty('outcome');
    expect(connected?.note).toMatch(/^Connected\. wants a second showing \(via Estait \w{10}\)$/);
    expect(noAnswer).toMatchObject({ outcome: 'No Answer', note: expect.stringMatching(/^\(via Estait \w{10}\)$/) });
    expect(await control.list('calls', ann)).toEqual([]);
    expect(await control.list('notes', ann)).toMatchObject([
      { subject: expect.stringMatching(/^Call via Estait \(\w{10}\): Left voicemail$/), body: 'about the HOA' },
    ]);
  });

  it('logs a call once when POST /v1/calls (or the note for a person with no phone) timed out after it landed', async () => {
    const a = await agent({ ...fub, CRM_TIMEOUT_MS: '300' });
    const tom = await added(a, { firstName: 'Tom', phone: '+15125550178' });
    const ann = await added(a, { firstName: 'Ann', email: 'ann2@example.com' });
    for (const contactId of [tom, ann]) {
      const command: WriteCommand = { intent: 'log_call', confidence: 1, params: { contactId, outcome: 'no_answer' } };
      const key = crypto.randomUUID();
      // The person lookup answers at once; the write is carried out but answered after the worker gave up.
      await control.failWith({ hangMs: 0 });
      await control.failWith({ hangMs: 600 });
      expect((await a.execute(command, key)).status).toBe(504);
      expect((await a.execute(command, key)).status).toBe(200);
    }
    expect(await control.list('calls', tom)).toHaveLength(1);
    expect(await control.list('notes', ann)).toHaveLength(1);
    const writes = (await control.requests()).filter((r) => r.method === 'POST' && r.path !== '/v1/events');
    expect(writes.map((w) => w.path)).toEqual(['/v1/calls', '/v1/notes']);
  });

  it('finds a target by the folded spelling too, and reports an unreachable or refusing CRM as unchecked', async () => {
    const a = await agent();
    await a.execute(lead({ firstName: 'Jose', lastName: 'Nunez', email: 'jose@example.com' }));
    await control.reset();
    const target = await findTarget(crmFor(fub, 'agent'), { contact: 'José Núñez' });
    expect(target).toMatchObject({ query: 'José Núñez', status: 'one', contacts: [{ firstName: 'Jose', lastName: 'Nunez' }] });
    const names = (await control.requests()).filter((r) => r.path === '/v1/people').map((r) => r.query.name);
    expect(names).toEqual(['José Núñez', 'jose nunez']);

    const refused = await findTarget(crmFor({ ...fub, FUB_API_KEY: 'wrong' }, 'agent'), { contact: 'Jose' });
    expect(refused).toEqual({
      query: 'Jose',
      status: 'unchecked',
      contacts: [],
      message: expect.stringContaining('Follow Up Boss'),
    });
    await control.fail(500);
    await control.fail(500);
    expect(await findTarget(crmFor(fub, 'agent'), { email: 'jose@example.com' })).toMatchObject({ status: 'unchecked' });
  });
});

describe('Follow Up Boss for a brokerage: each agent signs in with their own key', () => {
  // A deployment: no local mode, the registered system's key, no worker-wide API key honoured.
  const deployed: Env = {
    ...env,
    LOCAL_MODE: undefined,
    FUB_API_KEY: FUB_KEY,
    FUB_SYSTEM: 'Estait',
    FUB_SYSTEM_KEY: 'sys-key',
    FUB_API_URL: env.TEST_FUB_URL,
    TOKEN_ENCRYPTION_KEY: 'a-test-key-for-sealing-crm-tokens-0123456789',
  };
  const [, second] = FUB_USERS;
  const signIn = (apiKey: string) =>
    app.request(
      '/v1/auth/followupboss',
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ apiKey }) },
      deployed,
    );
  const as = (accessToken: string) => ({
    me: async () =>
      AccountResponse.parse(
        await (await app.request('/v1/auth/me', { headers: { Authorization: `Bearer ${accessToken}` } }, deployed)).json(),
      ),
    execute: (command: WriteCommand) =>
      app.request(
        '/v1/actions/execute',
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
          body: JSON.stringify({ command, idempotencyKey: crypto.randomUUID(), tz: 'America/Chicago' }),
        },
        deployed,
      ),
  });

  it('checks the key with Follow Up Boss, opens a session for its user and writes with that key alone', async () => {
    const refused = await signIn('not-a-real-key-123');
    expect(refused.status).toBe(401);
    expect(ApiErrorBody.parse(await refused.json()).error.code).toBe('crm_key_refused');

    const res = await signIn(second?.key ?? '');
    expect(res.status).toBe(201);
    const agent2 = as(SessionTokens.parse(await res.json()).accessToken);
    expect(await agent2.me()).toEqual({ crm: 'followupboss', connected: true, account: second?.email });
    await control.reset();
    const added = await agent2.execute({
      intent: 'add_lead',
      confidence: 1,
      params: { firstName: 'Own', email: 'own-key@example.com' },
    });
    expect(added.status).toBe(200);
    const sent = await control.requests();
    expect(sent.length).toBeGreaterThan(0);
    for (const r of sent) expect(r.headers.authorization).toBe(`Basic ${btoa(`${second?.key}:`)}`);
    // The key is sealed at rest, never stored as typed.
    const row = await env.DB.prepare("SELECT access_token FROM crm_tokens WHERE provider = 'followupboss' AND account = ?")
      .bind(second?.email)
      .first<{ access_token: string }>();
    expect(row?.access_token).toBeTruthy();
    expect(row?.access_token).not.toContain(second?.key ?? '-');
  });

  it('a session with no key of its own cannot use the worker-wide key outside local mode', async () => {
    const { accessToken } = await startSession(deployed, `agent-${crypto.randomUUID()}`);
    const anonymous = as(accessToken);
    expect(await anonymous.me()).toEqual({ crm: 'followupboss', connected: false });
    const refused = await anonymous.execute({ intent: 'add_lead', confidence: 1, params: { firstName: 'Nobody' } });
    expect(refused.status).toBe(403);
    expect(ApiErrorBody.parse(await refused.json()).error.code).toBe('crm_not_connected');
  });

  it('50 concurrent adds of one person make one Follow Up Boss person', async () => {
    const res = await signIn(second?.key ?? '');
    const agent2 = as(SessionTokens.parse(await res.json()).accessToken);
    const email = `same-${crypto.randomUUID()}@example.com`;
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        agent2.execute({ intent: 'add_lead', confidence: 1, params: { firstName: `P${i}`, email } }),
      ),
    );
    const results = await Promise.all(answers.map(async (a) => ExecuteResponse.parse(await a.json()).result.status));
    expect(results.filter((r) => r === 'done')).toHaveLength(1);
    expect(results.filter((r) => r === 'duplicate')).toHaveLength(49);
  });

  describe('a listing saved to a person', () => {
    const listing = {
      address: '1200 Barton Hills Dr, Austin, TX 78704',
      price: 725000,
      beds: 3,
      baths: 2,
      sqft: 1850,
      mlsId: 'ATX-5512',
      url: 'https://www.zillow.com/homedetails/1200-Barton-Hills-Dr/1_zpid/',
    };
    const save = (params: Record<string, unknown>): WriteCommand =>
      ({ intent: 'save_listing', confidence: 1, params: { listing, ...params } }) as WriteCommand;

    it('is one Property Inquiry event on the person, with the property; a second save is a duplicate', async () => {
      const a = await agent();
      const maria = await added(a, { firstName: 'Maria', lastName: 'Garcia', email: `maria-${crypto.randomUUID()}@example.com` });
      const key = crypto.randomUUID();
      const first = ExecuteResponse.parse(
        await (await a.execute(save({ contactId: maria, note: 'loves the yard' }), key)).json(),
      );
      expect(first.result).toMatchObject({ status: 'done', intent: 'save_listing', contact: { id: maria } });
      const replay = ExecuteResponse.parse(
        await (await a.execute(save({ contactId: maria, note: 'loves the yard' }), key)).json(),
      );
      expect(replay).toEqual(first);
      const again = ExecuteResponse.parse(
        await (await a.execute(save({ contactId: maria, listing: { ...listing, mlsId: undefined } }))).json(),
      );
      expect(again.result).toMatchObject({
        status: 'duplicate',
        summary: `${listing.address} is already saved for Maria Garcia`,
      });
      const events = await control.list('events', maria);
      expect(events).toEqual([
        expect.objectContaining({
          type: 'Property Inquiry',
          source: 'Estait',
          person: { id: Number(maria) },
          message: expect.stringMatching(/^loves the yard \(via Estait \w{10}\)$/),
          property: {
            street: '1200 Barton Hills Dr',
            city: 'Austin',
            state: 'TX',
            code: '78704',
            mlsNumber: 'ATX-5512',
            price: 725000,
            bedrooms: 3,
            bathrooms: 2,
            area: 1850,
            url: listing.url,
          },
        }),
      ]);
    });

    it('lands once when POST /v1/events timed out after it landed', async () => {
      const a = await agent({ ...fub, CRM_TIMEOUT_MS: '300' });
      const ravi = await added(a, { firstName: 'Ravi', lastName: 'Shah', email: `ravi-${crypto.randomUUID()}@example.com` });
      const key = crypto.randomUUID();
      // The person and the events lookups answer at once; the event is kept, but answered after the worker gave up.
      await control.failWith({ hangMs: 0 });
      await control.failWith({ hangMs: 0 });
      await control.failWith({ hangMs: 600 });
      expect((await a.execute(save({ contactId: ravi }), key)).status).toBe(504);
      const retry = ExecuteResponse.parse(await (await a.execute(save({ contactId: ravi }), key)).json());
      expect(retry.result).toMatchObject({ status: 'done', intent: 'save_listing' });
      expect(await control.list('events', ravi)).toHaveLength(1);
    });

    it('bad input is a 4xx and reaches no one: no listing, an address of punctuation', async () => {
      const a = await agent();
      const dana = await added(a, { firstName: 'Dana', lastName: 'Lee', email: `dana-${crypto.randomUUID()}@example.com` });
      await control.reset();
      const noListing = await a.execute({
        intent: 'save_listing',
        confidence: 1,
        params: { contactId: dana },
      } as unknown as WriteCommand);
      expect(noListing.status).toBe(400);
      expect((await a.execute(save({ contactId: dana, listing: { address: '---' } }))).status).toBe(400);
      expect((await control.requests()).filter((r) => r.path === '/v1/events')).toEqual([]);
    });
  });
});

describe('Follow Up Boss for the agent’s day', () => {
  const tz = 'America/Chicago';
  const crm = () => crmFor(fub, 'agent', tz);
  // January: Chicago is at -06:00 all day.
  const today = '2026-01-12';
  const offset = '-06:00';
  const maria = () => seedAgentDay(env.TEST_FUB_URL, { today, offset, email: `maria-${crypto.randomUUID()}@example.com` });
  const mine = <T extends { contactId?: string }>(rows: T[], personId: number) =>
    rows.filter((r) => r.contactId === String(personId));

  it('reads notes and calls merged, newest first, cut to ENTRY_TEXT_MAX, without Estait’s marks', async () => {
    const { personId } = await maria();
    await seedFollowUpBoss(env.TEST_FUB_URL, {
      notes: [
        { personId, subject: 'Long one', body: 'x'.repeat(1000), created: '2026-01-01T15:00:00Z' },
        {
          personId,
          subject: 'Note via Estait (abc123)',
          body: 'called back (via Estait abc123)',
          created: '2026-01-02T15:00:00Z',
        },
        { personId, subject: 'Call via Estait (def456): No answer', body: 'No answer', created: '2026-01-03T15:00:00Z' },
      ],
    });
    await control.reset();
    const entries = await crm().activity(String(personId), 8);
    expect(entries.map((e) => [e.kind, e.outcome, e.subject, e.text])).toEqual([
      ['call', 'connected', undefined, 'Wants a second showing'],
      ['note', undefined, undefined, 'Loves Barton Hills & the yard'],
      ['call', 'left_voicemail', undefined, 'About the HOA'],
      ['note', undefined, 'Pre-approval', 'Pre-approved for 650k with First Bank.'],
      ['call', 'no_answer', undefined, 'No answer'],
      ['note', undefined, undefined, 'called back'],
      ['note', undefined, 'Long one', `${'x'.repeat(ENTRY_TEXT_MAX - 1)}…`],
    ]);
    expect(entries[0]?.at).toBe(new Date(`${today}T08:15:00${offset}`).toISOString());
    for (const e of entries) expect(BriefEntry.parse(e)).toEqual(e);
    expect(await crm().activity(String(personId), 2)).toHaveLength(2);
    const reads = (await control.requests()).filter((r) => r.path === '/v1/notes' || r.path === '/v1/calls');
    expect(reads[0]?.query).toEqual({ personId: String(personId), sort: '-created', limit: '8' });
  });

  it('reads a person’s open tasks, and the agent’s tasks due by a day, due times in the agent’s zone', async () => {
    const { personId } = await maria();
    await control.reset();
    const open = await crm().openTasks({ contactId: String(personId) });
    expect(open.map((t) => [t.title, t.due, t.done])).toEqual([
      ['Send comps', '2026-01-10', false],
      ['Call about the offer', `${today}T16:30`, false],
      ['Check in after closing', '2026-01-19', false],
      ['Ask for a referral', undefined, false],
    ]);
    const due = mine(await crm().openTasks({ dueBy: today }), personId);
    expect(due.map((t) => [t.title, t.due, t.contactName])).toEqual([
      ['Send comps', '2026-01-10', 'Maria Garcia'],
      ['Call about the offer', `${today}T16:30`, 'Maria Garcia'],
    ]);
    const byDay = (await control.requests()).find((r) => r.path === '/v1/tasks' && r.query.dueEnd);
    expect(byDay?.query).toMatchObject({ assignedUserId: '1', isCompleted: 'false', dueEnd: '2026-01-13T00:00:00-06:00' });
  });

  it('reads all the agent’s open tasks, undated and future too, past FUB’s first page', async () => {
    const {
      people: [rosalind],
    } = await seedFollowUpBoss(env.TEST_FUB_URL, {
      people: [{ firstName: 'Rosalind', lastName: `Vance-${crypto.randomUUID()}` }],
    });
    const personId = rosalind?.id ?? 0;
    await seedFollowUpBoss(env.TEST_FUB_URL, {
      tasks: [
        { personId, name: 'Renew the lockbox code', type: 'Follow Up', created: '2026-01-01T10:00:00Z' },
        ...Array.from({ length: 104 }, (_, i) => ({
          personId,
          name: `Filler task ${i}`,
          type: 'Follow Up',
          dueDate: '2026-03-01',
          created: '2026-01-05T10:00:00Z',
        })),
      ],
    });
    const all = mine(await crm().openTasks({}), personId);
    expect(all).toHaveLength(105);
    expect(all.map((t) => t.title)).toContain('Renew the lockbox code');
  });

  it('takes the day FUB names over an instant that falls on another day in the agent’s zone', async () => {
    const {
      people: [lee],
    } = await seedFollowUpBoss(env.TEST_FUB_URL, { people: [{ firstName: 'Lee' }] });
    const personId = lee?.id;
    await seedFollowUpBoss(env.TEST_FUB_URL, {
      tasks: [
        { personId, name: 'All day', dueDate: '2026-01-15', dueDateTime: '2026-01-15T00:00:00Z' },
        { personId, name: 'Timed', dueDate: '2026-01-16', dueDateTime: '2026-01-16T15:00:00-06:00' },
      ],
    });
    const open = await crm().openTasks({ contactId: String(personId) });
    expect(open.map((t) => [t.title, t.due])).toEqual([
      ['All day', '2026-01-15'],
      ['Timed', '2026-01-16T15:00'],
    ]);
  });

  it('reads appointments and showing tasks on the days asked, in the agent’s zone', async () => {
    const { personId } = await maria();
    await control.reset();
    const events = mine(await crm().events({ from: today, to: today }), personId);
    expect(events).toEqual([
      {
        id: expect.stringMatching(/^appointment:\d+$/),
        title: 'Walkthrough',
        start: `${today}T09:30`,
        end: `${today}T10:00`,
        address: '1200 Barton Hills Dr, Austin, TX 78704',
        contactId: String(personId),
        contactName: 'Maria Garcia',
      },
      {
        id: expect.stringMatching(/^task:\d+$/),
        title: 'Showing at 12 Oak St',
        start: `${today}T11:00`,
        address: '12 Oak St',
        contactId: String(personId),
        contactName: 'Maria Garcia',
      },
    ]);
    expect(await crm().events({ from: '2026-01-13', to: '2026-01-20', contactId: String(personId) })).toEqual([]);
    const appointments = (await control.requests()).find((r) => r.path === '/v1/appointments');
    expect(appointments?.query).toMatchObject({ start: `${today}T00:00:00-06:00`, end: '2026-01-13T00:00:00-06:00' });
  });

  it('reads saved listings from Property Inquiry events, newest first, one home once', async () => {
    const { personId } = await maria();
    const property = { street: '1200 Barton Hills Dr', city: 'Austin', state: 'TX', code: '78704', mlsNumber: 'ATX-5512' };
    await seedFollowUpBoss(env.TEST_FUB_URL, {
      events: [
        { personId, type: 'Property Inquiry', property: { ...property, price: 700000 }, created: '2026-01-02T10:00:00Z' },
        {
          personId,
          type: 'Property Inquiry',
          property: { ...property, price: 725000, bedrooms: 3 },
          created: '2026-01-05T10:00:00Z',
        },
        {
          personId,
          type: 'Property Inquiry',
          property: { street: '12 Oak St', city: 'Austin' },
          created: '2026-01-03T10:00:00Z',
        },
        { personId, type: 'Registration', created: '2026-01-04T10:00:00Z' },
      ],
    });
    expect(await crm().savedListings(String(personId))).toEqual([
      {
        listing: {
          address: '1200 Barton Hills Dr, Austin, TX 78704',
          street: '1200 Barton Hills Dr',
          city: 'Austin',
          state: 'TX',
          zip: '78704',
          mlsId: 'ATX-5512',
          price: 725000,
          beds: 3,
        },
        savedAt: '2026-01-05T10:00:00.000Z',
      },
      { listing: { address: '12 Oak St, Austin', street: '12 Oak St', city: 'Austin' }, savedAt: '2026-01-03T10:00:00.000Z' },
    ]);
  });

  it('finds new leads with no note or call yet, newest first, checking each at once', async () => {
    const since = '2098-01-01T00:00:00-06:00';
    const {
      people: [quiet, noted, called, older],
    } = await seedFollowUpBoss(env.TEST_FUB_URL, {
      people: [
        { firstName: 'Quiet', created: '2098-01-02T10:00:00Z' },
        { firstName: 'Noted', created: '2098-01-03T10:00:00Z' },
        { firstName: 'Called', created: '2098-01-04T10:00:00Z' },
        { firstName: 'Older', created: '2097-12-30T10:00:00Z' },
      ],
    });
    await seedFollowUpBoss(env.TEST_FUB_URL, {
      notes: [{ personId: noted?.id, body: 'hi' }],
      calls: [{ personId: called?.id, phone: '+15125550111' }],
    });
    const fresh = { firstName: 'Fresh', created: '2098-01-05T10:00:00Z' };
    const {
      people: [newest],
    } = await seedFollowUpBoss(env.TEST_FUB_URL, { people: [fresh] });
    await control.reset();
    const leads = await crm().newLeads(since);
    expect(leads).toEqual([
      { contact: { id: String(newest?.id), firstName: 'Fresh' }, addedAt: '2098-01-05T10:00:00.000Z' },
      { contact: { id: String(quiet?.id), firstName: 'Quiet' }, addedAt: '2098-01-02T10:00:00.000Z' },
    ]);
    expect(leads.some((l) => l.contact.id === String(older?.id))).toBe(false);
    const sent = await control.requests();
    expect(sent.filter((r) => r.path === '/v1/people').map((r) => r.query)).toEqual([
      { createdAfter: '2098-01-01T06:00:00.000Z', sort: '-created', limit: '20' },
    ]);
    expect(sent.filter((r) => r.path === '/v1/notes' || r.path === '/v1/calls')).toHaveLength(8);
  });

  it('reads one task, and completes it once: done before → alreadyDone; a retry of the same write → not', async () => {
    const { personId, tasks } = await maria();
    const task = tasks.find((t) => t.name === 'Send comps');
    const id = String(task?.id);
    expect(await crm().getTask(id)).toEqual({
      id,
      title: 'Send comps',
      due: '2026-01-10',
      done: false,
      contactId: String(personId),
      contactName: 'Maria Garcia',
    });
    expect(await crm().getTask('999999')).toBeUndefined();
    expect(await crm().getTask('not-a-task')).toBeUndefined();

    await control.reset();
    const key = crypto.randomUUID();
    const since = Date.now();
    expect(await crm().completeTask(id, { key })).toEqual({ id });
    expect(await crm().getTask(id)).toMatchObject({ done: true });
    // The same write again after it landed (its answer lost): its own completion, not an earlier one.
    expect(await crm().completeTask(id, { key, since })).toEqual({ id });
    // Another write for the same task: it was done already.
    expect(await crm().completeTask(id, { key: crypto.randomUUID() })).toEqual({ id, alreadyDone: true });
    const puts = (await control.requests()).filter((r) => r.method === 'PUT');
    expect(puts.map((r) => [r.path, r.body])).toEqual([[`/v1/tasks/${id}`, { isCompleted: true }]]);

    // Done in FUB long before this write's first attempt: a retry does not take it for its own.
    const done = tasks.find((t) => t.name === 'Old done task');
    expect(await crm().completeTask(String(done?.id), { key, since })).toMatchObject({ alreadyDone: true });
    await expect(crm().completeTask('999999', { key })).rejects.toMatchObject({ status: 404, code: 'task_not_found' });
  });

  it('waits out a 429 on a read, and says clearly when the key is refused', async () => {
    const { personId } = await maria();
    await control.reset();
    await control.fail(429, 0);
    expect(await crm().openTasks({ contactId: String(personId) })).toHaveLength(4);
    expect((await control.requests()).filter((r) => r.path === '/v1/tasks')).toHaveLength(2);
    const refused = crmFor({ ...fub, FUB_API_KEY: 'wrong' }, 'agent', tz);
    await expect(refused.activity(String(personId), 8)).rejects.toMatchObject({ status: 502, code: 'upstream_auth' });
    await expect(refused.completeTask('1', { key: crypto.randomUUID() })).rejects.toMatchObject({ code: 'upstream_auth' });
  });
});
