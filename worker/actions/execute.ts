import type { z } from 'zod';
import {
  type CompleteTaskParams,
  type CrmContact,
  type ExecuteRequest,
  ExecuteResponse,
  type ExecuteResult,
  type WriteCommand,
} from '../../shared/contracts';
import { sha256 } from '../../shared/encoding';
import { formatWhen, fullName } from '../../shared/format';
import { crmFor } from '../crm';
import { withLock } from '../crm/lock';
import { AlreadyInCrm, type CrmProvider, type LeadInput, OUTCOME_WORDS, type WriteAttempt } from '../crm/provider';
import { resolveContact } from '../crm/resolve';
import { crmTimeoutMs, type Env, type Session } from '../env';
import { ApiError } from '../errors';

type CompleteTaskInput = z.infer<typeof CompleteTaskParams>;

/** Keys are kept a day: a retry within it returns the first answer. */
export const KEY_TTL_MS = 24 * 3600 * 1000;
/**
 * How long a claim holds: longer than any one execution (a few CRM calls, each bounded by the CRM
 * timeout, plus Retry-After waits). A claim past its lease belongs to a request that died mid-way.
 */
const leaseMs = (env: Env) => 4 * crmTimeoutMs(env) + 15_000;

const duplicate = (contact: CrmContact): ExecuteResult => ({
  status: 'duplicate',
  contact,
  summary: `${fullName(contact)} is already in your CRM`,
});

/**
 * Looks for the person, then creates them. Two adds of one person make one contact: the CRM refuses
 * the second itself, or (for CRMs that cannot) the look and the create run under the agent's lock.
 */
async function addLead(crm: CrmProvider, p: LeadInput, attempt: WriteAttempt): Promise<ExecuteResult> {
  const done = (contact: CrmContact): ExecuteResult => ({
    status: 'done',
    intent: 'add_lead',
    crmId: contact.id,
    contact,
    summary: `Added lead ${fullName(contact)}`,
  });
  // An earlier attempt that landed is this write, not a duplicate of it.
  if (attempt.since) {
    const mine = await crm.findCreated(p, { key: attempt.key, since: attempt.since });
    if (mine) return done(mine);
  }
  for (const probe of [p.email && { email: p.email }, p.phone && { phone: p.phone }]) {
    if (!probe) continue;
    const [existing] = await crm.searchContacts(probe);
    if (existing) return duplicate(existing);
  }
  try {
    return done(await crm.createContact(p, attempt));
  } catch (err) {
    if (err instanceof AlreadyInCrm) return duplicate(err.contact);
    throw err;
  }
}

/**
 * Marks the task the confirm card named done. The task must still be the contact's the card showed;
 * one already done (in the CRM, or by another write) is reported, not written again.
 */
async function completeTask(
  crm: CrmProvider,
  { taskId, contactId }: CompleteTaskInput,
  attempt: WriteAttempt,
): Promise<ExecuteResult> {
  if (!taskId) throw new ApiError(422, 'task_required', 'Pick the task that is done.');
  const task = await crm.getTask(taskId);
  if (!task) throw new ApiError(422, 'task_not_found', 'That task is no longer in your CRM.');
  if (contactId && task.contactId && task.contactId !== contactId)
    throw new ApiError(422, 'task_not_theirs', 'That task belongs to another contact; pick it again.');
  const contact = task.contactId ? await crm.getContact(task.contactId) : undefined;
  const { id, alreadyDone } = await crm.completeTask(taskId, attempt);
  if (alreadyDone) return { status: 'duplicate', contact, summary: `“${task.title}” was already done` };
  return { status: 'done', intent: 'complete_task', crmId: id, contact, summary: `Done: “${task.title}”` };
}

async function write(
  env: Env,
  user: string,
  crm: CrmProvider,
  command: WriteCommand,
  attempt: WriteAttempt,
): Promise<ExecuteResult> {
  switch (command.intent) {
    case 'add_lead':
      return crm.refusesDuplicates
        ? addLead(crm, command.params, attempt)
        : withLock(env.DB, `add_lead:${crm.name}:${user}`, leaseMs(env), () => addLead(crm, command.params, attempt));
    case 'add_note': {
      const contact = await resolveContact(crm, command.params, true);
      const { id } = await crm.addNote(contact.id, command.params.text, attempt);
      return { status: 'done', intent: 'add_note', crmId: id, contact, summary: `Note for ${fullName(contact)}` };
    }
    case 'create_task': {
      const contact = await resolveContact(crm, command.params, false);
      const { title, due } = command.params;
      const { id } = await crm.createTask({ contactId: contact?.id, title, due }, attempt);
      return {
        status: 'done',
        intent: 'create_task',
        crmId: id,
        contact,
        summary: `Task “${title}”${due ? ` due ${formatWhen(due)}` : ''}`,
      };
    }
    case 'schedule_showing': {
      const { address, start } = command.params;
      if (!address) throw new ApiError(422, 'address_required', 'Say which property the showing is for.');
      const contact = await resolveContact(crm, command.params, false);
      const { id } = await crm.scheduleShowing({ contact, address, start }, attempt);
      const what = [address && `at ${address}`, start && `on ${formatWhen(start)}`].filter(Boolean).join(' ');
      return { status: 'done', intent: 'schedule_showing', crmId: id, contact, summary: `Showing ${what}`.trim() };
    }
    case 'log_call': {
      const contact = await resolveContact(crm, command.params, true);
      const { outcome, notes } = command.params;
      const { id } = await crm.logCall({ contact, outcome, notes }, attempt);
      const how = outcome ? ` — ${OUTCOME_WORDS[outcome].toLowerCase()}` : '';
      return { status: 'done', intent: 'log_call', crmId: id, contact, summary: `Call with ${fullName(contact)}${how}` };
    }
    case 'save_listing': {
      const contact = await resolveContact(crm, command.params, true);
      const { listing, note } = command.params;
      const save = () => crm.saveListing({ contact, listing, note }, attempt);
      // Look-then-write per contact and listing: one at a time for the agent where the CRM cannot refuse a second.
      const { id, duplicate } = crm.refusesDuplicates
        ? await save()
        : await withLock(env.DB, `save_listing:${crm.name}:${user}`, leaseMs(env), save);
      const name = fullName(contact);
      if (duplicate) return { status: 'duplicate', contact, summary: `${listing.address} is already saved for ${name}` };
      return { status: 'done', intent: 'save_listing', crmId: id, contact, summary: `Saved ${listing.address} for ${name}` };
    }
    case 'complete_task':
      return completeTask(crm, command.params, attempt);
  }
}

/**
 * Runs a confirmed write exactly once per idempotency key. The key is claimed with a lease; a replay
 * gets the stored answer; a request still within its lease gets 409. A failed attempt keeps the
 * claim (with its attempt count), and so does one that died with the worker: the next attempt
 * looks in the CRM for what the earlier one may have written before it writes.
 */
export async function execute(
  env: Env,
  session: Session,
  { command, idempotencyKey: key, tz }: ExecuteRequest,
): Promise<ExecuteResponse> {
  const now = Date.now();
  const db = env.DB;
  const user = session.userId;
  await db
    .prepare('DELETE FROM idempotency_keys WHERE user_id = ? AND key = ? AND created_at < ?')
    .bind(user, key, now - KEY_TTL_MS)
    .run();
  const lease = now + leaseMs(env);
  const hash = await sha256(JSON.stringify({ command, tz }));
  const claim = await db
    .prepare(
      `INSERT INTO idempotency_keys (user_id, key, response, created_at, attempts, lease_until, request_hash)
       VALUES (?, ?, NULL, ?, 0, ?, ?) ON CONFLICT DO NOTHING`,
    )
    .bind(user, key, now, lease, hash)
    .run();
  let attempt: WriteAttempt = { key };
  if (claim.meta.changes !== 1) {
    const row = await db
      .prepare('SELECT response, created_at, request_hash FROM idempotency_keys WHERE user_id = ? AND key = ?')
      .bind(user, key)
      .first<{ response: string | null; created_at: number; request_hash: string | null }>();
    if (row?.request_hash && row.request_hash !== hash)
      throw new ApiError(409, 'key_reused', 'This idempotency key was already used for a different write; confirm it again.');
    if (row?.response) return ExecuteResponse.parse(JSON.parse(row.response));
    const takeover = await db
      .prepare(
        'UPDATE idempotency_keys SET lease_until = ? WHERE user_id = ? AND key = ? AND response IS NULL AND lease_until < ?',
      )
      .bind(lease, user, key, now)
      .run();
    if (takeover.meta.changes !== 1)
      throw new ApiError(409, 'in_progress', 'This action is still being saved; try again in a moment.');
    attempt = { key, since: row?.created_at ?? now };
  }

  const crm = crmFor(env, user, tz);
  let result: ExecuteResult;
  try {
    result = await write(env, user, crm, command, attempt);
  } catch (err) {
    await db
      .prepare(
        'UPDATE idempotency_keys SET attempts = attempts + 1, lease_until = 0 WHERE user_id = ? AND key = ? AND response IS NULL',
      )
      .bind(user, key)
      .run();
    throw err;
  }
  const response: ExecuteResponse = { ok: result.status === 'done', result };
  const store = db
    .prepare('UPDATE idempotency_keys SET response = ? WHERE user_id = ? AND key = ?')
    .bind(JSON.stringify(response), user, key);
  if (result.status === 'done') {
    await db.batch([
      store,
      // The contact and the fields as written, so the log can be read back exactly.
      db
        .prepare(
          `INSERT INTO activity (user_id, intent, summary, crm_id, provider, idempotency_key, created_at, contact_id, record)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .bind(
          user,
          result.intent,
          result.summary,
          result.crmId,
          crm.name,
          key,
          now,
          result.contact?.id ?? null,
          JSON.stringify(command.params),
        ),
    ]);
  } else await store.run();
  return response;
}
