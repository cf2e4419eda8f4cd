import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { ActivityResponse, ApiErrorBody, ContactsResponse, ExecuteResponse, type WriteCommand } from '../../shared/contracts';
import { startSession } from '../auth/session';
import app from '../index';
import { client, SAVED_HOME, saveListing } from './helpers';

async function signedIn(user = `agent-${crypto.randomUUID()}`) {
  const { accessToken } = await startSession(env, user);
  const claimDiedMidway = (key: string, leaseUntil = 0) =>
    env.DB.prepare('INSERT INTO idempotency_keys (user_id, key, response, created_at, lease_until) VALUES (?, ?, NULL, ?, ?)')
      .bind(user, key, Date.now(), leaseUntil)
      .run();
  const api = client(env, accessToken);
  return {
    execute: (command: WriteCommand, idempotencyKey = crypto.randomUUID()) =>
      api.v1.actions.execute.$post({ json: { command, idempotencyKey } }),
    api,
    user,
    claimDiedMidway,
  };
}
const lead = (params: Record<string, string>): WriteCommand => ({
  intent: 'add_lead',
  confidence: 0.95,
  params: { firstName: 'Jane', lastName: 'Doe', ...params },
});
const result = async (res: { json(): Promise<unknown> }) => ExecuteResponse.parse(await res.json());

describe('POST /v1/actions/execute with the local CRM', () => {
  it('a write whose worker died after the CRM had it is found, not written again, once its lease is over', async () => {
    const agent = await signedIn();
    const command = lead({ email: 'crash@example.com' });
    // The first attempt wrote the contact, then the worker stopped before it stored the answer.
    await agent.claimDiedMidway('key-crashed1', Date.now() + 60_000);
    await env.DB.prepare(
      "INSERT INTO contacts (user_id, first_name, last_name, email, created_at, idempotency_key) VALUES (?, 'Jane', 'Doe', 'crash@example.com', ?, 'key-crashed1')",
    )
      .bind(agent.user, Date.now())
      .run();
    const busy = await agent.execute(command, 'key-crashed1');
    expect(busy.status).toBe(409);
    expect(ApiErrorBody.parse(await busy.json()).error.code).toBe('in_progress');

    await env.DB.prepare('UPDATE idempotency_keys SET lease_until = 0 WHERE key = ?').bind('key-crashed1').run();
    const retried = await result(await agent.execute(command, 'key-crashed1'));
    expect(retried).toMatchObject({ ok: true, result: { status: 'done', contact: { email: 'crash@example.com' } } });
    const found = ContactsResponse.parse(
      await (await agent.api.v1.contacts.$get({ query: { query: 'crash@example.com' } })).json(),
    );
    expect(found.contacts).toHaveLength(1);
  });

  it('the same add_lead twice with one key makes one contact; the replay writes nothing', async () => {
    const agent = await signedIn();
    const command = lead({ email: 'jane@example.com', phone: '+15125550101' });
    const first = await result(await agent.execute(command, 'key-00000001'));
    const again = await result(await agent.execute(command, 'key-00000001'));
    expect(first).toMatchObject({
      ok: true,
      result: { status: 'done', intent: 'add_lead', contact: { email: 'jane@example.com' } },
    });
    expect(again).toEqual(first);
    const found = ContactsResponse.parse(await (await agent.api.v1.contacts.$get({ query: { query: 'jane' } })).json());
    expect(found.contacts).toHaveLength(1);
  });

  it('a second add_lead with the same email or phone and a new key is a duplicate, still one contact', async () => {
    const agent = await signedIn();
    await agent.execute(lead({ email: 'sam@example.com', phone: '+15125550102' }));
    const byEmail = await result(await agent.execute(lead({ firstName: 'Samuel', email: 'SAM@example.com' })));
    const byPhone = await result(await agent.execute(lead({ firstName: 'Sam', phone: '+15125550102' })));
    for (const r of [byEmail, byPhone])
      expect(r).toMatchObject({ ok: false, result: { status: 'duplicate', contact: { email: 'sam@example.com' } } });
    expect(
      ContactsResponse.parse(await (await agent.api.v1.contacts.$get({ query: { query: 'sam@example.com' } })).json()).contacts,
    ).toHaveLength(1);
  });

  it('notes, tasks and showings find their contact by name or id, and land in the audit log', async () => {
    const agent = await signedIn();
    const created = await result(
      await agent.execute(lead({ firstName: 'Maria', lastName: 'Garcia', email: 'maria@example.com' })),
    );
    const id = created.result.status === 'done' ? created.result.crmId : '';
    const note = await result(
      await agent.execute({ intent: 'add_note', confidence: 0.9, params: { contact: 'maria garcia', text: 'loves the yard' } }),
    );
    const task = await result(
      await agent.execute({
        intent: 'create_task',
        confidence: 0.9,
        params: { contactId: id, title: 'call Maria', due: '2026-03-11' },
      }),
    );
    const showing = await result(
      await agent.execute({
        intent: 'schedule_showing',
        confidence: 0.9,
        params: { contact: 'Maria Garcia', address: '123 Main St', start: '2026-03-11T15:00' },
      }),
    );
    for (const r of [note, task, showing]) expect(r).toMatchObject({ ok: true, result: { status: 'done', contact: { id } } });
    const log = ActivityResponse.parse(await (await agent.api.v1.activity.$get()).json());
    expect(log.entries.map((e) => e.intent)).toEqual(['schedule_showing', 'create_task', 'add_note', 'add_lead']);
    expect(log.entries[0]).toMatchObject({ provider: 'local', summary: 'Showing at 123 Main St on Wed, Mar 11, 3:00 PM' });
  });

  it('logs a call for a contact named with or without accents; the log keeps who it was for and what was written', async () => {
    const agent = await signedIn();
    const created = await result(await agent.execute(lead({ firstName: 'Tomás', lastName: 'Nguyễn', phone: '+15125550177' })));
    const id = created.result.status === 'done' ? created.result.crmId : '';
    const params = { contact: 'tomas nguyen', outcome: 'left_voicemail', notes: 'asked about the HOA fee' } as const;
    const call = await result(await agent.execute({ intent: 'log_call', confidence: 0.9, params }));
    expect(call).toMatchObject({
      ok: true,
      result: { status: 'done', intent: 'log_call', contact: { id }, summary: 'Call with Tomás Nguyễn — left voicemail' },
    });
    const stored = await env.DB.prepare('SELECT contact_id, outcome, notes FROM calls WHERE user_id = ?').bind(agent.user).all();
    expect(stored.results).toEqual([{ contact_id: Number(id), outcome: 'left_voicemail', notes: 'asked about the HOA fee' }]);
    const log = ActivityResponse.parse(await (await agent.api.v1.activity.$get()).json());
    expect(log.entries[0]).toMatchObject({ intent: 'log_call', contactId: id, record: params });
    expect(log.entries[1]).toMatchObject({
      intent: 'add_lead',
      contactId: id,
      record: { firstName: 'Tomás', lastName: 'Nguyễn' },
    });

    // A call to a number is with whoever has it.
    const byNumber = await result(
      await agent.execute({ intent: 'log_call', confidence: 0.9, params: { phone: '+15125550177', outcome: 'no_answer' } }),
    );
    expect(byNumber.result).toMatchObject({ status: 'done', contact: { id } });

    const nobody = await agent.execute({ intent: 'log_call', confidence: 0.9, params: { outcome: 'no_answer' } });
    expect(nobody.status).toBe(422);
    expect(ApiErrorBody.parse(await nobody.json()).error.code).toBe('contact_required');
  });

  it('refuses a showing with no property before writing anything', async () => {
    const agent = await signedIn();
    await agent.execute(lead({ firstName: 'Ada', lastName: 'Park', email: 'ada@example.com' }));
    const res = await agent.execute({
      intent: 'schedule_showing',
      confidence: 0.9,
      params: { contact: 'Ada Park', start: '2026-03-11T15:00' },
    });
    expect(res.status).toBe(422);
    expect(ApiErrorBody.parse(await res.json()).error).toMatchObject({
      code: 'address_required',
      message: 'Say which property the showing is for.',
    });
    const showings = await env.DB.prepare('SELECT count(*) AS n FROM showings WHERE user_id = ?')
      .bind(agent.user)
      .first<{ n: number }>();
    expect(showings?.n).toBe(0);
    const log = ActivityResponse.parse(await (await agent.api.v1.activity.$get()).json());
    expect(log.entries.map((e) => e.intent)).toEqual(['add_lead']);
  });

  it('refuses a note for a contact it cannot find, or cannot tell apart, and releases the key', async () => {
    const agent = await signedIn();
    const missing = await agent.execute(
      { intent: 'add_note', confidence: 0.9, params: { contact: 'Nobody Here', text: 'x' } },
      'key-missing-1',
    );
    expect(missing.status).toBe(422);
    expect(ApiErrorBody.parse(await missing.json()).error.code).toBe('contact_not_found');
    await agent.execute(lead({ firstName: 'Chris', lastName: 'Wu', email: 'c1@example.com' }));
    await agent.execute(lead({ firstName: 'Chris', lastName: 'Wu', email: 'c2@example.com' }));
    const ambiguous = await agent.execute({ intent: 'add_note', confidence: 0.9, params: { contact: 'Chris Wu', text: 'x' } });
    expect(ambiguous.status).toBe(409);
    expect((ApiErrorBody.parse(await ambiguous.json()).error.details as { candidates: unknown[] }).candidates).toHaveLength(2);
    // The failed key was released: once the contact exists, the same key goes through.
    await agent.execute(lead({ firstName: 'Nobody', lastName: 'Here', email: 'nobody@example.com' }));
    const retried = await agent.execute(
      { intent: 'add_note', confidence: 0.9, params: { contact: 'Nobody Here', text: 'x' } },
      'key-missing-1',
    );
    expect(retried.status).toBe(200);
  });

  it('keeps each agent to their own contacts', async () => {
    const a = await signedIn();
    const b = await signedIn();
    const created = await result(await a.execute(lead({ email: 'private@example.com' })));
    const id = created.result.status === 'done' ? created.result.crmId : '';
    const res = await b.execute({ intent: 'add_note', confidence: 0.9, params: { contactId: id, text: 'x' } });
    expect(res.status).toBe(422);
    expect(ContactsResponse.parse(await (await b.api.v1.contacts.$get({ query: { query: 'private' } })).json()).contacts).toEqual(
      [],
    );
  });

  it('answers unauthenticated calls with 401 JSON and malformed bodies with 400 JSON', async () => {
    const anonymous = await app.request('/v1/actions/execute', { method: 'POST', body: '{}' }, env);
    expect(anonymous.status).toBe(401);
    const agent = await signedIn();
    const bad = [
      { intent: 'search_properties', confidence: 1, params: {} },
      { intent: 'delete_contact', confidence: 1, params: {} },
      { intent: 'add_lead', confidence: 1, params: { firstName: '' } },
    ];
    for (const command of bad) {
      const res = await agent.execute(command as WriteCommand);
      expect(res.status).toBe(400);
      expect(ApiErrorBody.parse(await res.json()).error.code).toBe('invalid_request');
    }
    const badKey = await agent.execute(lead({}), 'x');
    expect(badKey.status).toBe(400);
  });
});

describe('writes that cannot duplicate or go wrong', () => {
  it('50 concurrent adds of one person (different keys, one email) make one contact; the rest are duplicates', async () => {
    const agent = await signedIn();
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => agent.execute(lead({ email: 'Same.Person@example.com', firstName: `J${i}` }))),
    );
    const results = await Promise.all(answers.map(result));
    expect(results.filter((r) => r.result.status === 'done')).toHaveLength(1);
    expect(results.filter((r) => r.result.status === 'duplicate')).toHaveLength(49);
    const rows = await env.DB.prepare('SELECT COUNT(*) AS n FROM contacts WHERE user_id = ?')
      .bind(agent.user)
      .first<{ n: number }>();
    expect(rows?.n).toBe(1);
  });

  it('the database itself refuses a second contact with the same email or phone for one agent', async () => {
    const agent = await signedIn();
    const insert = (key: string, email: string | null, phone: string | null) =>
      env.DB.prepare(
        "INSERT INTO contacts (user_id, first_name, email, email_key, phone, phone_key, created_at, idempotency_key) VALUES (?, 'A', ?, ?, ?, ?, 0, ?)",
      )
        .bind(agent.user, email, email, phone, phone, key)
        .run();
    await insert('k1', 'a@example.com', '+15125550111');
    await expect(insert('k2', 'a@example.com', null)).rejects.toThrow(/UNIQUE/);
    await expect(insert('k3', null, '+15125550111')).rejects.toThrow(/UNIQUE/);
    // Another agent's book is their own.
    const other = await signedIn();
    await env.DB.prepare(
      "INSERT INTO contacts (user_id, first_name, email, email_key, created_at) VALUES (?, 'A', 'a@example.com', 'a@example.com', 0)",
    )
      .bind(other.user)
      .run();
  });

  it('a key reused for a different write is refused with 409 and writes nothing', async () => {
    const agent = await signedIn();
    expect((await agent.execute(lead({ email: 'first@example.com' }), 'key-reused-1')).status).toBe(200);
    const reused = await agent.execute(lead({ email: 'second@example.com' }), 'key-reused-1');
    expect(reused.status).toBe(409);
    expect(ApiErrorBody.parse(await reused.json()).error.code).toBe('key_reused');
    const rows = await env.DB.prepare('SELECT COUNT(*) AS n FROM contacts WHERE user_id = ?')
      .bind(agent.user)
      .first<{ n: number }>();
    expect(rows?.n).toBe(1);
  });

  it.each([
    ['a month 13', { intent: 'create_task', confidence: 1, params: { title: 'Call', due: '2026-13-45T25:99' } }],
    ['February 30', { intent: 'create_task', confidence: 1, params: { title: 'Call', due: '2026-02-30' } }],
    ['year 9999', { intent: 'schedule_showing', confidence: 1, params: { address: '1 Main St', start: '9999-09-09T10:00' } }],
    ['a control character', { intent: 'create_task', confidence: 1, params: { title: 'Call\u0000 back' } }],
  ])('refuses %s with a 400 and writes nothing', async (_label, command) => {
    const agent = await signedIn();
    const res = await agent.execute(command as WriteCommand);
    expect(res.status).toBe(400);
    expect(ApiErrorBody.parse(await res.json()).error.code).toBe('invalid_request');
    const rows = await env.DB.prepare('SELECT COUNT(*) AS n FROM tasks WHERE user_id = ?')
      .bind(agent.user)
      .first<{ n: number }>();
    expect(rows?.n).toBe(0);
  });
});

describe('a listing saved to a contact in the local CRM', () => {
  const save = saveListing;
  const listing = SAVED_HOME;

  it('lands once: the same key answers the first result, a second save of the home is a duplicate', async () => {
    const agent = await signedIn();
    const { result: added } = await result(await agent.execute(lead({ firstName: 'Maria', lastName: 'Garcia' })));
    const contactId = added.status === 'done' ? added.crmId : '';
    const command = save({ contactId, note: 'loves the backyard' });
    const first = await result(await agent.execute(command, 'save-key-1'));
    expect(first).toMatchObject({
      ok: true,
      result: { status: 'done', intent: 'save_listing', summary: `Saved ${listing.address} for Maria Garcia` },
    });
    expect(await result(await agent.execute(command, 'save-key-1'))).toEqual(first);
    // The same home by its address alone, under another key: already saved, nothing written.
    const again = await result(
      await agent.execute(save({ contact: 'maria garcia', listing: { ...listing, mlsId: undefined } }), 'save-key-2'),
    );
    expect(again).toMatchObject({ ok: false, result: { status: 'duplicate', contact: { id: contactId } } });
    const byMls = await result(
      await agent.execute(save({ contactId, listing: { ...listing, address: '1200 barton hills drive' } })),
    );
    expect(byMls.result.status).toBe('duplicate');
    const { results } = await env.DB.prepare(
      'SELECT contact_id, listing_key, note, listing FROM saved_listings WHERE user_id = ?',
    )
      .bind(agent.user)
      .all<{ contact_id: number; listing_key: string; note: string; listing: string }>();
    expect(results).toEqual([
      { contact_id: Number(contactId), listing_key: 'mls:atx5512', note: 'loves the backyard', listing: JSON.stringify(listing) },
    ]);
  });

  it('a retry after the worker died mid-way finds the saved row', async () => {
    const agent = await signedIn();
    const { result: added } = await result(await agent.execute(lead({ firstName: 'Ravi', lastName: 'Shah' })));
    const contactId = added.status === 'done' ? added.crmId : '';
    await agent.claimDiedMidway('save-crashed');
    await env.DB.prepare(
      `INSERT INTO saved_listings (user_id, contact_id, listing_key, address_key, address, listing, idempotency_key, created_at)
       VALUES (?, ?, 'mls:atx5512', 'x', ?, '{}', 'save-crashed', ?)`,
    )
      .bind(agent.user, Number(contactId), listing.address, Date.now())
      .run();
    const res = await result(await agent.execute(save({ contactId }), 'save-crashed'));
    expect(res.result).toMatchObject({ status: 'done', intent: 'save_listing' });
  });

  it('bad input is a 4xx: no listing, an address of punctuation, no contact, a contact not in the CRM', async () => {
    const agent = await signedIn();
    const { result: added } = await result(await agent.execute(lead({ firstName: 'Dana', lastName: 'Lee' })));
    const contactId = added.status === 'done' ? added.crmId : '';
    const noListing = await agent.execute({
      intent: 'save_listing',
      confidence: 1,
      params: { contactId },
    } as unknown as WriteCommand);
    expect(noListing.status).toBe(400);
    expect(ApiErrorBody.parse(await noListing.json()).error.code).toBe('invalid_request');
    expect((await agent.execute(save({ contactId, listing: { address: ' ,, - ' } }))).status).toBe(400);
    expect((await agent.execute(save({ contactId, listing: { ...listing, url: 'javascript:alert(1)' } }))).status).toBe(400);
    expect((await agent.execute(save({}))).status).toBe(422);
    expect((await agent.execute(save({ contact: 'Nobody Atall' }))).status).toBe(422);
  });
});
