/**
 * The fault run: 20 confirmed writes go through the extension's own outbox to a real worker whose
 * CRM (the Wise Agent fake) fails 30 % of its calls — 500s, 429s and timeouts that land but answer
 * too late — and the worker is killed mid-burst and started again on the same database. Every write
 * must land exactly once. No browser: the outbox runs in Node on fake-indexeddb, as in unit tests.
 */
import 'fake-indexeddb/auto';
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { enqueue, flush, shownWrites, workerCalls, workerClient } from '../extension/headless';
import { ActivityResponse, SessionTokens, type WriteCommand } from '../shared/contracts';
import { sha256 } from '../shared/encoding';
import { EXTENSION_ID } from '../shared/extension-id';
import { startFakeWiseAgent, WISEAGENT_CLIENT } from './fakes/wiseagent';
import { startWorker } from './support/worker';

const CRM_TIMEOUT_MS = 1000;

test.setTimeout(180_000);

test('20 confirmed writes land exactly once through CRM failures and a worker crash', async () => {
  const crm = await startFakeWiseAgent();
  const worker = await startWorker({
    WISEAGENT_CLIENT_ID: WISEAGENT_CLIENT.id,
    WISEAGENT_CLIENT_SECRET: WISEAGENT_CLIENT.secret,
    WISEAGENT_URL: crm.url,
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
    CRM_TIMEOUT_MS: String(CRM_TIMEOUT_MS),
    LOCAL_MODE: 'false',
  });
  try {
    const client = workerClient(worker.url);
    // Sign in as launchWebAuthFlow would, following each redirect by hand.
    const verifier = randomBytes(32).toString('base64url');
    const challenge = await sha256(verifier);
    const redirect = `https://${EXTENSION_ID}.chromiumapp.org/wiseagent`;
    let location = client.v1.auth.wiseagent.start.$url({ query: { redirect_uri: redirect, challenge } }).toString();
    while (!location.startsWith(redirect)) {
      const res = await fetch(location, { redirect: 'manual' });
      location = res.headers.get('location') ?? '';
      expect(location, `a redirect from ${res.url}`).not.toBe('');
    }
    const code = new URL(location).searchParams.get('code') ?? '';
    let session = SessionTokens.parse(await (await client.v1.auth.wiseagent.session.$post({ json: { code, verifier } })).json());

    // The extension's own calls, to this worker with this session: the outbox sends through them.
    const { execute: send } = workerCalls({ base: async () => worker.url, token: async () => session.accessToken });

    // Two contacts to write about, made before the faults begin.
    const contactIds: string[] = [];
    for (const [firstName, email] of [
      ['Avery', 'avery@example.com'],
      ['Blake', 'blake@example.com'],
    ] as const) {
      const { result } = await send(
        { intent: 'add_lead', confidence: 1, params: { firstName, lastName: 'Quinn', email } },
        crypto.randomUUID(),
      );
      if (result.status !== 'done') throw new Error('setup lead not created');
      contactIds.push(result.crmId);
    }
    const [avery = '', blake = ''] = contactIds;

    const writes: WriteCommand[] = [
      ...['cora', 'dev', 'elle', 'finn'].map(
        (n): WriteCommand => ({
          intent: 'add_lead',
          confidence: 1,
          params: { firstName: n[0]?.toUpperCase() + n.slice(1), lastName: 'Lowell', email: `${n}@example.com` },
        }),
      ),
      { intent: 'add_lead', confidence: 1, params: { firstName: 'Gus', lastName: 'Marsh', phone: '+14805550161' } },
      { intent: 'add_lead', confidence: 1, params: { firstName: 'Hana', lastName: 'Okafor' } },
      ...[1, 2, 3, 4, 5, 6].map(
        (i): WriteCommand => ({
          intent: 'add_note',
          confidence: 1,
          params: { contactId: i % 2 ? avery : blake, text: `fault-run note ${i}` },
        }),
      ),
      ...[1, 2, 3, 4].map(
        (i): WriteCommand => ({
          intent: 'create_task',
          confidence: 1,
          params: { contactId: avery, title: `fault-run task ${i}`, due: `2026-12-0${i}` },
        }),
      ),
      ...[1, 2, 3, 4].map(
        (i): WriteCommand => ({
          intent: 'schedule_showing',
          confidence: 1,
          params: { contactId: blake, address: `${100 + i} Saguaro Ln`, start: `2026-12-0${i}T1${i}:30` },
        }),
      ),
    ];
    expect(writes).toHaveLength(20);

    const keys: string[] = [];
    for (const w of writes) keys.push(await enqueue(w));

    await fetch(`${crm.url}/__fake/chaos`, {
      method: 'POST',
      body: JSON.stringify({ rate: 0.3, seed: 20261122, hangMs: 3 * CRM_TIMEOUT_MS }),
    });

    // Each round is what the alarm and the open panel do: both flush what is due, at once. The
    // clock the outbox sees jumps a minute a round, so back-off never holds the test up.
    let now = Date.now();
    let crashed = false;
    const deadline = Date.now() + 150_000;
    for (let round = 0; Date.now() < deadline; round++) {
      // The writes that have not landed: waiting, being sent, or refused.
      const open = await shownWrites(0);
      if (open.length === 0) break;
      const flushing = Promise.all([flush(send, now), flush(send, now)]);
      if (!crashed && round === 1) {
        await new Promise((r) => setTimeout(r, 700));
        await worker.crashAndRestart();
        crashed = true;
      }
      await flushing;
      // A refused session (the worker restarted without it? it keeps D1) would show here as 401.
      const refused = (await shownWrites(0)).filter((e) => e.state === 'needs_attention');
      expect(refused.map((e) => e.error)).toEqual([]);
      now += 60_000;
      await new Promise((r) => setTimeout(r, 250));
      if (round % 10 === 9) {
        session = SessionTokens.parse(
          await (await client.v1.auth.refresh.$post({ json: { refreshToken: session.refreshToken } })).json(),
        );
      }
    }
    expect(crashed).toBe(true);

    const landed = new Map((await shownWrites(keys.length)).map((e) => [e.key, e]));
    const entries = keys.map((key) => landed.get(key));
    expect(entries.map((e) => e?.state)).toEqual(writes.map(() => 'done'));

    const faults = (await (await fetch(`${crm.url}/__fake/chaos`)).json()) as Record<string, number>;
    const held = (await (await fetch(`${crm.url}/__fake/state`)).json()) as {
      contacts: { CEmail: string; CFirst: string }[];
      notes: { Note: string }[];
      tasks: { Description: string }[];
      events: { Subject: string }[];
    };
    expect(held.contacts).toHaveLength(8);
    expect(new Set(held.contacts.map((c) => `${c.CFirst}/${c.CEmail}`)).size).toBe(8);
    expect(held.notes.map((n) => n.Note).sort()).toEqual([1, 2, 3, 4, 5, 6].map((i) => `fault-run note ${i}`));
    expect(held.tasks.map((t) => t.Description).sort()).toEqual([1, 2, 3, 4].map((i) => `fault-run task ${i}`));
    expect(held.events.map((e) => e.Subject).sort()).toEqual(
      [1, 2, 3, 4].map((i) => `Showing: ${100 + i} Saguaro Ln with Blake Quinn`),
    );

    const log = ActivityResponse.parse(
      await (await client.v1.activity.$get(undefined, { headers: { Authorization: `Bearer ${session.accessToken}` } })).json(),
    );
    expect(log.entries).toHaveLength(22);
    test.info().annotations.push({
      type: 'faults',
      description: `${JSON.stringify(faults)}; attempts per write: ${JSON.stringify(entries.map((e) => e?.attempts))}`,
    });
    console.log(`fault run: faults ${JSON.stringify(faults)}, attempts ${entries.map((e) => e?.attempts).join(',')}`);
  } finally {
    await worker.stop();
    await crm.close();
  }
});
