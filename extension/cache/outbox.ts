import { type CallErrorCode, type ErrorCode, type ExecuteResponse, WriteCommand } from '../../shared/contracts';
import { fullName } from '../../shared/format';
import { isUnreachable, isUnreachableCode, WorkerError } from '../api/errors';
import { keepContacts } from './contact-cache';
import { dayChanged } from './day-cache';
import { db, type OutboxEntry } from './db';

type Send = (command: WriteCommand, key: string) => Promise<ExecuteResponse>;

/** 5 s, 10 s, 20 s … up to 10 minutes between attempts. */
export const backoff = (attempts: number) => Math.min(10 * 60_000, 5_000 * 2 ** Math.max(0, attempts - 1));

/**
 * Refusals a later attempt gets past by itself: the same write still being saved, or no session yet
 * (it is sent once the agent signs in). Any other 4xx is final until the agent changes something.
 */
const RETRIED: ReadonlySet<string> = new Set<ErrorCode | CallErrorCode>(['in_progress', 'signed_out']);

/** Worth trying again later: the network, the worker or the CRM was down, busy or mid-save. */
const retryable = (err: unknown) =>
  !(err instanceof WorkerError) ||
  err.status === 0 ||
  err.status >= 500 ||
  err.status === 408 ||
  err.status === 429 ||
  RETRIED.has(err.code);

/** Stores a confirmed write with its idempotency key; it is sent by `flush`. */
export async function enqueue(command: WriteCommand, now = Date.now()): Promise<string> {
  const [key = ''] = await enqueueAll([command], now);
  return key;
}

/**
 * Stores confirmed writes that go in order, each with its own key: the second is for the contact
 * the first creates ("add Tom as a new lead, then the task for him"), and waits for it.
 */
export async function enqueueAll(commands: WriteCommand[], now = Date.now()): Promise<string[]> {
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
    return { ...entry, command: WriteCommand.parse({ ...entry.command, params }) };
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

/** When to try again: after the back-off, and never before the worker's Retry-After. */
const nextAttempt = (err: unknown, attempts: number, now: number) =>
  now + Math.max(backoff(attempts), err instanceof WorkerError && err.retryAfter ? err.retryAfter * 1000 : 0);

/** How an attempt the worker could not take ended, for the writes behind it that were not tried. */
type Held = Pick<OutboxEntry, 'nextAt' | 'error' | 'code'>;

/** Sends one write; what held it when the worker cannot take more now (gone, or asking for a pause). */
async function deliver(entry: OutboxEntry, send: Send, now: number): Promise<Held | undefined> {
  const attempts = entry.attempts + 1;
  try {
    const { result } = await send(entry.command, entry.key);
    await settle(entry.key, {
      state: result.status === 'duplicate' ? 'duplicate' : 'done',
      result,
      attempts,
      error: undefined,
      code: undefined,
    });
    // The contact written to is one the palette finds next; their brief and the day are read again.
    if (result.contact) void keepContacts([result.contact]).catch(() => undefined);
    void dayChanged(result.contact?.id).catch(() => undefined);
    return undefined;
  } catch (err) {
    const held: Held = {
      nextAt: nextAttempt(err, attempts, now),
      error: err instanceof Error ? err.message : String(err),
      code: err instanceof WorkerError ? err.code : undefined,
    };
    await settle(entry.key, { state: retryable(err) ? 'retrying' : 'needs_attention', attempts, ...held });
    return isUnreachable(err) || (err instanceof WorkerError && err.status === 429) ? held : undefined;
  }
}

/**
 * The writes a round did not try because the one before them found the worker gone or pausing:
 * they wait the same way and as long, so none reads as being sent while it is not.
 */
const holdBack = (entries: OutboxEntry[], held: Held) =>
  db.outbox
    .where('key')
    .anyOf(entries.map((e) => e.key))
    .and((e) => e.state === 'pending' || e.state === 'retrying')
    .modify({ state: 'retrying', ...held });

/**
 * Sends every write that is due, oldest first. Safe to run from several places: keys make it
 * idempotent. A round stops at the first write the worker could not take (down, or asking for a
 * pause): the rest would only fail the same way, one timeout after another, so they wait with it.
 */
export async function flush(send: Send, now = Date.now()): Promise<void> {
  const due = await db.outbox
    .where('state')
    .anyOf('pending', 'retrying')
    .filter((e) => e.nextAt <= now)
    .sortBy('createdAt');
  for (const [i, entry] of due.entries()) {
    const sendable = await ready(entry);
    if (sendable === 'blocked')
      await settle(entry.key, {
        state: 'needs_attention',
        error: 'The new lead it is for was not added; fix or retry that first.',
      });
    else if (sendable !== 'wait') {
      const held = await deliver(sendable, send, now);
      if (held) {
        await holdBack(due.slice(i + 1), held);
        return;
      }
    }
  }
}

/** How many landed writes the panel keeps in view below those still on their way. */
export const LANDED_SHOWN = 6;

/**
 * What the panel lists, newest first: every write that has not landed (waiting, being sent, or
 * needing the agent), however many, and the newest few that did.
 */
export async function shownWrites(landed = LANDED_SHOWN): Promise<OutboxEntry[]> {
  const [open, done] = await Promise.all([
    db.outbox.where('state').anyOf('pending', 'retrying', 'needs_attention').toArray(),
    db.outbox
      .orderBy('createdAt')
      .reverse()
      .filter((e) => e.state === 'done' || e.state === 'duplicate')
      .limit(landed)
      .toArray(),
  ]);
  return [...open, ...done].sort((a, b) => b.createdAt - a.createdAt);
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

/**
 * The worker answers again: the writes that waited out the outage are due now, not after their
 * back-off. Those the worker asked to hold (a 429) keep their time.
 */
export const sendQueuedNow = (now = Date.now()) =>
  db.outbox
    .where('state')
    .equals('retrying')
    .filter((e) => isUnreachableCode(e.code))
    .modify({ nextAt: now });
