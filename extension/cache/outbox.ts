import { type ExecuteResponse, ParsedCommand } from '../../shared/contracts';
import { fullName } from '../../shared/format';
import { WorkerError } from '../api/errors';
import { db, type OutboxEntry } from './db';

type Send = (command: ParsedCommand, key: string) => Promise<ExecuteResponse>;

/** 5 s, 10 s, 20 s … up to 10 minutes between attempts. */
export const backoff = (attempts: number) => Math.min(10 * 60_000, 5_000 * 2 ** Math.max(0, attempts - 1));

/** Worth trying again later: the network, the worker or the CRM was down, busy or mid-save. */
const retryable = (err: unknown) =>
  !(err instanceof WorkerError) ||
  err.status === 0 ||
  err.status >= 500 ||
  err.status === 408 ||
  err.status === 429 ||
  err.code === 'in_progress' ||
  err.code === 'signed_out';

/** Stores a confirmed write with its idempotency key; it is sent by `flush`. */
export async function enqueue(command: ParsedCommand, now = Date.now()): Promise<string> {
  const [key = ''] = await enqueueAll([command], now);
  return key;
}

/**
 * Stores confirmed writes that go in order, each with its own key: the second is for the contact
 * the first creates ("add Tom as a new lead, then the task for him"), and waits for it.
 */
export async function enqueueAll(commands: ParsedCommand[], now = Date.now()): Promise<string[]> {
  const keys = commands.map(() => crypto.randomUUID());
  await db.outbox.bulkAdd(
    commands.map((command, i) => ({
      key: keys[i] ?? '',
      command,
      state: 'pending' as const,
      attempts: 0,
      nextAt: now,
      createdAt: now + i,
      ...(i > 0 && { after: keys[i - 1] }),
    })),
  );
  return keys;
}

/**
 * A write that waits for its new lead, made ready: with the lead's CRM id once it landed, not yet
 * while it is being sent, and held with a reason when the lead itself needs the agent.
 */
async function ready(entry: OutboxEntry): Promise<OutboxEntry | 'wait' | 'blocked'> {
  if (!entry.after) return entry;
  const lead = await db.outbox.get(entry.after);
  const contact = lead?.result?.contact;
  if (contact) {
    const params = { ...entry.command.params, contactId: contact.id, contact: fullName(contact) };
    return { ...entry, command: ParsedCommand.parse({ ...entry.command, params }) };
  }
  return !lead || lead.state === 'needs_attention' ? 'blocked' : 'wait';
}

/** Records an attempt's outcome, unless another sender (the panel, the alarm) already delivered it. */
const settle = (key: string, change: Partial<OutboxEntry>) =>
  db.outbox
    .where('key')
    .equals(key)
    .and((e) => e.state !== 'done' && e.state !== 'duplicate')
    .modify(change);

async function deliver(entry: OutboxEntry, send: Send, now: number): Promise<void> {
  const attempts = entry.attempts + 1;
  try {
    const { result } = await send(entry.command, entry.key);
    await settle(entry.key, { state: result.status === 'duplicate' ? 'duplicate' : 'done', result, attempts, error: undefined });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await settle(entry.key, {
      state: retryable(err) ? 'retrying' : 'needs_attention',
      attempts,
      nextAt: now + backoff(attempts),
      error: message,
    });
  }
}

/** Sends every write that is due, oldest first. Safe to run from several places: keys make it idempotent. */
export async function flush(send: Send, now = Date.now()): Promise<void> {
  const due = await db.outbox
    .where('state')
    .anyOf('pending', 'retrying')
    .filter((e) => e.nextAt <= now)
    .sortBy('createdAt');
  for (const entry of due) {
    const sendable = await ready(entry);
    if (sendable === 'blocked')
      await settle(entry.key, {
        state: 'needs_attention',
        error: 'The new lead it is for was not added; fix or retry that first.',
      });
    else if (sendable !== 'wait') await deliver(sendable, send, now);
  }
}

/** After the agent fixed what the worker refused (say, added the contact): send it again, same key, and what waits on it. */
export const retryNow = (key: string) =>
  db.outbox
    .filter((e) => e.key === key || (e.after === key && e.state === 'needs_attention'))
    .modify({ state: 'pending', nextAt: 0 });

export const discard = (key: string) => db.outbox.delete(key);

/** After the agent signed in to their CRM: everything still waiting, or refused, is sent now, same keys. */
export const sendWaitingNow = () =>
  db.outbox.where('state').anyOf('needs_attention', 'retrying').modify({ state: 'pending', nextAt: 0 });
