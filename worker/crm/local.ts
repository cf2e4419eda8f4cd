import type { D1Database } from '@cloudflare/workers-types';
import type { CrmContact } from '../../shared/contracts';
import type { CrmProvider, LeadInput } from './provider';

type Row = {
  id: number;
  first_name: string;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  source: string | null;
};

const toContact = (r: Row): CrmContact => ({
  id: String(r.id),
  firstName: r.first_name,
  ...(r.last_name && { lastName: r.last_name }),
  ...(r.email && { email: r.email }),
  ...(r.phone && { phone: r.phone }),
  ...(r.source && { source: r.source }),
});

const COLUMNS = 'id, first_name, last_name, email, phone, source';

/** The CRM kept in the worker's own D1 database, one book of contacts per user. */
export function localCrm(db: D1Database, userId: string): CrmProvider {
  const insert = async (sql: string, ...values: unknown[]) => {
    const row = await db
      .prepare(`${sql} RETURNING id`)
      .bind(...values)
      .first<{ id: number }>();
    return { id: String(row?.id) };
  };
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
    async createContact(lead: LeadInput) {
      const { id } = await insert(
        'INSERT INTO contacts (user_id, first_name, last_name, email, phone, source, notes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        userId,
        lead.firstName,
        lead.lastName ?? null,
        lead.email?.toLowerCase() ?? null,
        lead.phone ?? null,
        lead.source ?? null,
        lead.notes ?? null,
        Date.now(),
      );
      return toContact({
        id: Number(id),
        first_name: lead.firstName,
        last_name: lead.lastName ?? null,
        email: lead.email?.toLowerCase() ?? null,
        phone: lead.phone ?? null,
        source: lead.source ?? null,
      });
    },
    addNote: (contactId, text) =>
      insert(
        'INSERT INTO notes (user_id, contact_id, text, created_at) VALUES (?, ?, ?, ?)',
        userId,
        Number(contactId),
        text,
        Date.now(),
      ),
    createTask: ({ contactId, title, due }) =>
      insert(
        'INSERT INTO tasks (user_id, contact_id, title, due, created_at) VALUES (?, ?, ?, ?, ?)',
        userId,
        contactId ? Number(contactId) : null,
        title,
        due ?? null,
        Date.now(),
      ),
    scheduleShowing: ({ contactId, address, start }) =>
      insert(
        'INSERT INTO showings (user_id, contact_id, address, start, created_at) VALUES (?, ?, ?, ?, ?)',
        userId,
        contactId ? Number(contactId) : null,
        address ?? null,
        start ?? null,
        Date.now(),
      ),
  };
}
