import type { D1Database } from '@cloudflare/workers-types';
import { Consent, type CrmContact } from '../../shared/contracts';
import type { CrmProvider, LeadInput } from './provider';

type Row = {
  id: number;
  first_name: string;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  source: string | null;
  consent: string | null;
};

function consentOf(json: string | null): Consent | undefined {
  if (!json) return undefined;
  const parsed = Consent.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : undefined;
}

const toContact = (r: Row): CrmContact => ({
  id: String(r.id),
  firstName: r.first_name,
  ...(r.last_name && { lastName: r.last_name }),
  ...(r.email && { email: r.email }),
  ...(r.phone && { phone: r.phone }),
  ...(r.source && { source: r.source }),
  ...(r.consent && { consent: consentOf(r.consent) }),
});

const COLUMNS = 'id, first_name, last_name, email, phone, source, consent';

/** The CRM kept in the worker's own D1 database, one book of contacts per user. */
export function localCrm(db: D1Database, userId: string): CrmProvider {
  /** Inserts a row once per key: a repeated write finds the row the first one made. */
  const insert = async (table: string, key: string, fields: Record<string, unknown>) => {
    const names = ['user_id', 'idempotency_key', 'created_at', ...Object.keys(fields)];
    const values = [userId, key, Date.now(), ...Object.values(fields)];
    await db
      .prepare(
        `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})
         ON CONFLICT (user_id, idempotency_key) DO NOTHING`,
      )
      .bind(...values)
      .run();
    const row = await db
      .prepare(`SELECT id FROM ${table} WHERE user_id = ? AND idempotency_key = ?`)
      .bind(userId, key)
      .first<{ id: number }>();
    return { id: String(row?.id) };
  };
  const byKey = async (key: string) =>
    (await db
      .prepare(`SELECT ${COLUMNS} FROM contacts WHERE user_id = ? AND idempotency_key = ?`)
      .bind(userId, key)
      .first<Row>()) ?? undefined;
  return {
    name: 'local',
    async searchContacts({ text, email, phone }) {
      const words = (text ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 3);
      const clauses: string[] = [];
      const values: unknown[] = [userId];
      if (email) {
        clauses.push('lower(email) = ?');
        values.push(email.toLowerCase());
      }
      if (phone) {
        clauses.push('phone = ?');
        values.push(phone);
      }
      if (words.length) {
        clauses.push(
          `(${words.map(() => "lower(first_name || ' ' || coalesce(last_name, '') || ' ' || coalesce(email, '')) LIKE ?").join(' AND ')})`,
        );
        values.push(...words.map((w) => `%${w.replace(/[%_]/g, '')}%`));
      }
      if (!clauses.length) return [];
      const { results } = await db
        .prepare(`SELECT ${COLUMNS} FROM contacts WHERE user_id = ? AND (${clauses.join(' OR ')}) ORDER BY id LIMIT 25`)
        .bind(...values)
        .all<Row>();
      return results.map(toContact);
    },
    async getContact(id) {
      const row = await db
        .prepare(`SELECT ${COLUMNS} FROM contacts WHERE user_id = ? AND id = ?`)
        .bind(userId, Number(id))
        .first<Row>();
      return row ? toContact(row) : undefined;
    },
    async findCreated(_lead, { key }) {
      const row = await byKey(key);
      return row && toContact(row);
    },
    async createContact(lead: LeadInput, { key }) {
      await insert('contacts', key, {
        first_name: lead.firstName,
        last_name: lead.lastName ?? null,
        email: lead.email?.toLowerCase() ?? null,
        phone: lead.phone ?? null,
        source: lead.source ?? null,
        notes: lead.notes ?? null,
        consent: lead.consent ? JSON.stringify(lead.consent) : null,
      });
      const row = await byKey(key);
      if (!row) throw new Error('the new contact was not stored');
      return toContact(row);
    },
    addNote: (contactId, text, { key }) => insert('notes', key, { contact_id: Number(contactId), text }),
    createTask: ({ contactId, title, due }, { key }) =>
      insert('tasks', key, { contact_id: contactId ? Number(contactId) : null, title, due: due ?? null }),
    scheduleShowing: ({ contact, address, start }, { key }) =>
      insert('showings', key, {
        contact_id: contact ? Number(contact.id) : null,
        address: address ?? null,
        start: start ?? null,
      }),
  };
}
