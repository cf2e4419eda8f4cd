/**
 * The fault run: 20 confirmed writes go through the extension's own outbox to a real worker whose
 * CRM (the Wise Agent fake) fails 30 % of its calls — 500s, 429s and timeouts that land but answer
 * too late — and the worker is killed mid-burst and started again on the same database. Every write
 * must land exactly once. No browser: the outbox runs in Node on fake-indexeddb, as in unit tests.
 */
import 'fake-indexeddb/auto';
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { WorkerError } from '../extension/api/errors';
import { db } from '../extension/cache/db';
import { enqueue, flush } from '../extension/cache/outbox';
import { ActivityResponse, ApiErrorBody, ExecuteResponse, SessionTokens, type WriteCommand } from '../shared/contracts';
import { sha256 } from '../shared/encoding';
import { startFakeWiseAgent, WISEAGENT_CLIENT } from './fakes/wiseagent';
import { startWorker } from './support/worker';

const EXTENSION_ID = 'ibfdcdcgalmnedalgokgpbjbpiighioa';
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
    // Sign in as launchWebAuthFlow would, following each redirect by hand.
    const verifier = randomBytes(32).toString('base64url');
    const challenge = await sha256(verifier);
    const redirect = `https://${EXTENSION_ID}.chromiumapp.org/wiseagent`;
    let location = `${worker.url}/v1/auth/wiseagent/start?${new URLSearchParams({ redirect_uri: redirect, challenge })}`;
    while (!location.startsWith(redirect)) {
      const res = await fetch(location, { redirect: 'manual' });
      location = res.headers.get('location') ?? '';
      expect(location, `a redirect from ${res.url}`).not.toBe('');
    }
    const code = new URL(location).searchParams.get('code') ?? '';
    let session = SessionTokens.parse(
      await (
        await fetch(`${worker.url}/v1/auth/wiseagent/session`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ code, verifier }),
        })
      ).json(),
    );

    /** The outbox's transport, as extension/api/worker.ts sends: errors become WorkerErrors. */
    const send = async (command: WriteCommand, idempotencyKey: string) => {
      let res: Response;
      try {
        res = await fetch(`${worker.url}/v1/actions/execute`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${session.accessToken}` },
          body: JSON.stringify({ command, idempotencyKey, tz: 'America/Phoenix' }),
        });
      } catch {
        throw new WorkerError(0, 'offline', 'No worker answers.');
      }
      const body: unknown = await res.json().catch(() => undefined);
      if (res.ok) return ExecuteResponse.parse(body);
      const err = ApiErrorBody.safeParse(body);
      throw new WorkerError(res.status, err.success ? err.data.error.code : 'bad_response', `${res.status}`);
    };

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

    await db.outbox.clear();
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
      const pending = await db.outbox.where('state').noneOf(['done', 'duplicate']).count();
      if (pending === 0) break;
      const flushing = Promise.all([flush(send, now), flush(send, now)]);
      if (!crashed && round === 1) {
        await new Promise((r) => setTimeout(r, 700));
        await worker.crashAndRestart();
        crashed = true;
      }
      await flushing;
      // A refused session (the worker restarted without it? it keeps D1) would show here as 401.
      const refused = await db.outbox.where('state').equals('needs_attention').toArray();
      expect(refused.map((e) => e.error)).toEqual([]);
      now += 60_000;
      await new Promise((r) => setTimeout(r, 250));
      if (round % 10 === 9) {
        session = SessionTokens.parse(
          await (
            await fetch(`${worker.url}/v1/auth/refresh`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ refreshToken: session.refreshToken }),
            })
          ).json(),
        );
      }
    }
    expect(crashed).toBe(true);

    const entries = await db.outbox.bulkGet(keys);
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
      await (await fetch(`${worker.url}/v1/activity`, { headers: { Authorization: `Bearer ${session.accessToken}` } })).json(),
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
