import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ParsedCommand } from '../../shared/contracts';
import { WorkerError } from '../api/errors';
import { db } from './db';
import { recent, remember } from './history';
import {
  backoff,
  enqueue,
  enqueueAll,
  flush,
  LANDED_SHOWN,
  retryNow,
  sendQueuedNow,
  sendWaitingNow,
  shownWrites,
} from './outbox';

const command: ParsedCommand = { intent: 'add_note', confidence: 0.9, params: { contact: 'Maria', text: 'hi' } };
const done = {
  ok: true,
  result: { status: 'done' as const, intent: 'add_note' as const, crmId: '7', summary: 'Note for Maria' },
};

beforeEach(async () => {
  await db.outbox.clear();
  await db.history.clear();
});

describe('the outbox', () => {
  it('keeps a confirmed write until the worker has it, sending the same key every time', async () => {
    const key = await enqueue(command, 1000);
    const send = vi
      .fn()
      .mockRejectedValueOnce(new WorkerError(0, 'offline', 'down'))
      .mockRejectedValueOnce(new WorkerError(503, 'internal', 'x'))
      .mockResolvedValue(done);
    await flush(send, 1000);
    expect(await db.outbox.get(key)).toMatchObject({ state: 'retrying', attempts: 1, nextAt: 1000 + backoff(1) });
    await flush(send, 1000); // not due yet
    expect(send).toHaveBeenCalledTimes(1);
    await flush(send, 1000 + backoff(1));
    await flush(send, 1000 + backoff(1) + backoff(2));
    expect(send.mock.calls.map((c) => c[1])).toEqual([key, key, key]);
    expect(await db.outbox.get(key)).toMatchObject({ state: 'done', attempts: 3, result: done.result });
  });

  it('parks a write the worker refuses until the agent retries it', async () => {
    const key = await enqueue(command, 0);
    await flush(vi.fn().mockRejectedValue(new WorkerError(422, 'contact_not_found', 'No contact named Maria')), 0);
    expect(await db.outbox.get(key)).toMatchObject({ state: 'needs_attention', error: 'No contact named Maria' });
    await retryNow(key);
    await flush(vi.fn().mockResolvedValue(done), 1);
    expect((await db.outbox.get(key))?.state).toBe('done');
  });

  it('an answer from one sender is not undone by a slower failing one (panel and alarm at once)', async () => {
    const key = await enqueue(command, 0);
    let release: () => void = () => undefined;
    const slow = vi.fn(
      () => new Promise<never>((_, reject) => (release = () => reject(new WorkerError(409, 'in_progress', 'busy')))),
    );
    const first = flush(slow, 0);
    await flush(vi.fn().mockResolvedValue(done), 0);
    release();
    await first;
    expect((await db.outbox.get(key))?.state).toBe('done');
  });

  it('sends everything waiting at once after the agent signs in to the CRM', async () => {
    const refused = await enqueue(command, 0);
    const waiting = await enqueue(command, 1);
    await flush(
      vi
        .fn()
        .mockRejectedValueOnce(new WorkerError(403, 'crm_not_connected', 'Connect Wise Agent first'))
        .mockRejectedValueOnce(new WorkerError(0, 'offline', 'down')),
      1,
    );
    expect((await db.outbox.get(refused))?.state).toBe('needs_attention');
    expect((await db.outbox.get(waiting))?.state).toBe('retrying');
    await sendWaitingNow();
    const send = vi.fn().mockResolvedValue(done);
    await flush(send, 2);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('waits at least as long as the worker’s Retry-After', async () => {
    const key = await enqueue(command, 0);
    await flush(vi.fn().mockRejectedValue(new WorkerError(429, 'rate_limited', 'slow down', undefined, 90)), 0);
    expect(await db.outbox.get(key)).toMatchObject({ state: 'retrying', code: 'rate_limited', nextAt: 90_000 });
    const send = vi.fn().mockResolvedValue(done);
    await flush(send, 89_999);
    expect(send).not.toHaveBeenCalled();
    // The worker coming back does not cut a pause it asked for.
    await sendQueuedNow(1);
    await flush(send, 1);
    expect(send).not.toHaveBeenCalled();
    await flush(send, 90_000);
    expect((await db.outbox.get(key))?.state).toBe('done');
  });

  it('stops a round at the first write nothing answered, and sends the queue at once when the worker is back', async () => {
    const keys = [await enqueue(command, 0), await enqueue(command, 1), await enqueue(command, 2)];
    const down = vi.fn().mockRejectedValue(new WorkerError(0, 'offline', 'No worker answers at http://127.0.0.1:8787.'));
    await flush(down, 10);
    expect(down).toHaveBeenCalledTimes(1);
    // The writes not tried wait with the one that was: queued, not "being sent", and not counted as tried.
    expect((await db.outbox.bulkGet(keys)).map((e) => [e?.state, e?.code, e?.attempts, e?.nextAt])).toEqual([
      ['retrying', 'offline', 1, 10 + backoff(1)],
      ['retrying', 'offline', 0, 10 + backoff(1)],
      ['retrying', 'offline', 0, 10 + backoff(1)],
    ]);
    await sendQueuedNow(11);
    const send = vi.fn().mockResolvedValue(done);
    await flush(send, 11);
    expect(send.mock.calls.map((c) => c[1])).toEqual(keys);
    expect((await db.outbox.bulkGet(keys)).map((e) => [e?.state, e?.code])).toEqual(keys.map(() => ['done', undefined]));
  });

  it('holds the writes behind a pause until the time the worker asked for, each tried once then', async () => {
    const keys = [await enqueue(command, 0), await enqueue(command, 1)];
    await flush(vi.fn().mockRejectedValue(new WorkerError(429, 'rate_limited', 'slow down', undefined, 55)), 1);
    expect((await db.outbox.bulkGet(keys)).map((e) => [e?.state, e?.code, e?.nextAt])).toEqual([
      ['retrying', 'rate_limited', 55_001],
      ['retrying', 'rate_limited', 55_001],
    ]);
    const send = vi.fn().mockResolvedValue(done);
    await flush(send, 55_001);
    expect(send.mock.calls.map((c) => c[1])).toEqual(keys);
  });

  it('lists every write still on its way, however many, and the newest few that landed', async () => {
    const landed = await Promise.all(Array.from({ length: LANDED_SHOWN + 2 }, (_, i) => enqueue(command, 100 + i)));
    await flush(vi.fn().mockResolvedValue(done), 200);
    const waiting = await Promise.all(Array.from({ length: 8 }, (_, i) => enqueue(command, i)));
    await flush(vi.fn().mockRejectedValue(new WorkerError(0, 'offline', 'down')), 50);
    const refused = await enqueue(command, 300);
    await flush(vi.fn().mockRejectedValue(new WorkerError(422, 'contact_not_found', 'No contact named Maria')), 300);

    const shown = await shownWrites();
    expect(shown.map((e) => e.key)).toEqual([refused, ...landed.slice(-LANDED_SHOWN).reverse(), ...waiting.reverse()]);
    expect(shown.filter((e) => e.state === 'retrying')).toHaveLength(8);
  });

  it('backs off up to ten minutes', () => {
    expect([1, 2, 3, 10, 20].map(backoff)).toEqual([5000, 10000, 20000, 600000, 600000]);
  });
});

describe('command history', () => {
  it('recalls newest first, without repeats', async () => {
    await remember('a', 1);
    await remember('b', 2);
    await remember('a', 3);
    expect(await recent()).toEqual(['a', 'b']);
  });
});

describe('a write for a new lead', () => {
  const lead: ParsedCommand = { intent: 'add_lead', confidence: 1, params: { firstName: 'Zed', lastName: 'Quill' } };
  const task: ParsedCommand = { intent: 'create_task', confidence: 1, params: { contact: 'Zed Quill', title: 'call Zed' } };
  const added = {
    ok: true,
    result: {
      status: 'done' as const,
      intent: 'add_lead' as const,
      crmId: '91',
      contact: { id: '91', firstName: 'Zed', lastName: 'Quill' },
      summary: 'Added lead Zed Quill',
    },
  };
  const taskDone = { ok: true, result: { status: 'done' as const, intent: 'create_task' as const, crmId: '5', summary: 'Task' } };

  it('goes after the lead, each once, with the id the lead got in the CRM', async () => {
    const [leadKey, taskKey] = await enqueueAll([lead, task], 0);
    const send = vi.fn(async (c: ParsedCommand, _key: string) => (c.intent === 'add_lead' ? added : taskDone));
    await flush(send, 0);
    expect(send.mock.calls.map((c) => [c[0].intent, c[1]])).toEqual([
      ['add_lead', leadKey],
      ['create_task', taskKey],
    ]);
    expect(send.mock.calls[1]?.[0]).toMatchObject({ params: { contactId: '91', contact: 'Zed Quill', title: 'call Zed' } });
    await flush(send, 10 ** 9);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('waits while the lead is retried, and is held with a reason when the lead needs the agent', async () => {
    const [leadKey, taskKey] = await enqueueAll([lead, task], 0);
    const send = vi.fn().mockRejectedValueOnce(new WorkerError(503, 'internal', 'x'));
    await flush(send, 0);
    expect(send).toHaveBeenCalledTimes(1);
    expect(await db.outbox.get(taskKey ?? '')).toMatchObject({ state: 'pending' });

    send.mockRejectedValueOnce(new WorkerError(422, 'last_name_required', 'needs a last name'));
    await flush(send, 10 ** 9);
    expect(await db.outbox.get(leadKey ?? '')).toMatchObject({ state: 'needs_attention' });
    await flush(send, 10 ** 9);
    expect(await db.outbox.get(taskKey ?? '')).toMatchObject({ state: 'needs_attention' });

    // Retrying the lead brings the task along.
    await retryNow(leadKey ?? '');
    send.mockImplementation(async (c: ParsedCommand) => (c.intent === 'add_lead' ? added : taskDone));
    await flush(send, 10 ** 9);
    expect(await db.outbox.get(taskKey ?? '')).toMatchObject({ state: 'done' });
  });
});
