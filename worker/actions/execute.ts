import type { CrmContact, ExecuteRequest, ExecuteResponse, ExecuteResult, WriteCommand } from '../../shared/contracts';
import type { Session } from '../auth/session';
import { crmFor } from '../crm';
import type { CrmProvider } from '../crm/provider';
import type { Env } from '../env';
import { ApiError } from '../errors';

/** Keys are kept a day: a retry within it returns the first answer. */
const KEY_TTL_MS = 24 * 3600 * 1000;
/** A claim this old without an answer belongs to a request that died mid-way; a retry may take it over. */
const STALE_CLAIM_MS = 30_000;

const fullName = (c: CrmContact) => [c.firstName, c.lastName].filter(Boolean).join(' ');

/** The contact a write is for: an id from the page, or a name that must match exactly one contact. */
async function resolveContact(
  crm: CrmProvider,
  params: { contact?: string; contactId?: string },
  required: boolean,
): Promise<CrmContact | undefined> {
  if (params.contactId) {
    const found = await crm.getContact(params.contactId);
    if (!found) throw new ApiError(422, 'contact_not_found', 'That contact is not in your CRM.');
    return found;
  }
  if (!params.contact) {
    if (required) throw new ApiError(422, 'contact_required', 'Say which contact this is for, or open their page.');
    return undefined;
  }
  const name = params.contact.toLowerCase();
  const matches = await crm.searchContacts({ text: params.contact });
  const exact = matches.filter((c) => fullName(c).toLowerCase() === name);
  const pick = exact.length === 1 ? exact[0] : matches.length === 1 ? matches[0] : undefined;
  if (pick) return pick;
  if (!matches.length)
    throw new ApiError(422, 'contact_not_found', `No contact named “${params.contact}” in your CRM; add them as a lead first.`);
  throw new ApiError(409, 'ambiguous_contact', `Several contacts match “${params.contact}”; pick one.`, {
    candidates: matches.slice(0, 10),
  });
}

async function write(crm: CrmProvider, command: WriteCommand, key: string): Promise<ExecuteResult> {
  switch (command.intent) {
    case 'add_lead': {
      const p = command.params;
      for (const probe of [p.email && { email: p.email }, p.phone && { phone: p.phone }]) {
        if (!probe) continue;
        const [existing] = await crm.searchContacts(probe);
        if (existing) return { status: 'duplicate', contact: existing, summary: `${fullName(existing)} is already in your CRM` };
      }
      const contact = await crm.createContact(p, key);
      return { status: 'done', intent: 'add_lead', crmId: contact.id, contact, summary: `Added lead ${fullName(contact)}` };
    }
    case 'add_note': {
      const contact = await resolveContact(crm, command.params, true);
      const { id } = await crm.addNote(contact?.id ?? '', command.params.text, key);
      return {
        status: 'done',
        intent: 'add_note',
        crmId: id,
        contact,
        summary: `Note for ${contact ? fullName(contact) : 'contact'}`,
      };
    }
    case 'create_task': {
      const contact = await resolveContact(crm, command.params, false);
      const { title, due } = command.params;
      const { id } = await crm.createTask({ contactId: contact?.id, title, due }, key);
      return { status: 'done', intent: 'create_task', crmId: id, contact, summary: `Task “${title}”${due ? ` due ${due}` : ''}` };
    }
    case 'schedule_showing': {
      const contact = await resolveContact(crm, command.params, false);
      const { address, start } = command.params;
      const { id } = await crm.scheduleShowing({ contactId: contact?.id, address, start }, key);
      const what = [address && `at ${address}`, start && `on ${start.replace('T', ' ')}`].filter(Boolean).join(' ');
      return { status: 'done', intent: 'schedule_showing', crmId: id, contact, summary: `Showing ${what}`.trim() };
    }
  }
}

/**
 * Runs a confirmed write exactly once per idempotency key: the key is claimed first, a replay gets
 * the stored answer, a request still in flight gets 409, and a failed write releases the key.
 */
export async function execute(
  env: Env,
  session: Session,
  { command, idempotencyKey: key, tz }: ExecuteRequest,
): Promise<ExecuteResponse> {
  const now = Date.now();
  const db = env.DB;
  await db
    .prepare('DELETE FROM idempotency_keys WHERE user_id = ? AND key = ? AND created_at < ?')
    .bind(session.userId, key, now - KEY_TTL_MS)
    .run();
  const claim = await db
    .prepare('INSERT INTO idempotency_keys (user_id, key, response, created_at) VALUES (?, ?, NULL, ?) ON CONFLICT DO NOTHING')
    .bind(session.userId, key, now)
    .run();
  if (claim.meta.changes !== 1) {
    const row = await db
      .prepare('SELECT response, created_at FROM idempotency_keys WHERE user_id = ? AND key = ?')
      .bind(session.userId, key)
      .first<{ response: string | null; created_at: number }>();
    if (row?.response) return JSON.parse(row.response) as ExecuteResponse;
    const takeover = await db
      .prepare('UPDATE idempotency_keys SET created_at = ? WHERE user_id = ? AND key = ? AND response IS NULL AND created_at < ?')
      .bind(now, session.userId, key, now - STALE_CLAIM_MS)
      .run();
    if (takeover.meta.changes !== 1)
      throw new ApiError(409, 'in_progress', 'This action is still being saved; try again in a moment.');
  }

  const crm = crmFor(env, session.userId, tz);
  let result: ExecuteResult;
  try {
    result = await write(crm, command as WriteCommand, key);
  } catch (err) {
    await db
      .prepare('DELETE FROM idempotency_keys WHERE user_id = ? AND key = ? AND response IS NULL')
      .bind(session.userId, key)
      .run();
    throw err;
  }
  const response: ExecuteResponse = { ok: result.status === 'done', result };
  const store = db
    .prepare('UPDATE idempotency_keys SET response = ? WHERE user_id = ? AND key = ?')
    .bind(JSON.stringify(response), session.userId, key);
  if (result.status === 'done') {
    await db.batch([
      store,
      db
        .prepare(
          'INSERT INTO activity (user_id, intent, summary, crm_id, provider, idempotency_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .bind(session.userId, result.intent, result.summary, result.crmId, crm.name, key, now),
    ]);
  } else await store.run();
  return response;
}
