import type { D1Database } from '@cloudflare/workers-types';
import { fullName } from '../../shared/format';
import { fold } from '../../shared/normalize';
import { localDay } from './local-day';
import { COLUMNS, type Row, toContact } from './local-rows';
import { AlreadyInCrm, addressKey, type CrmProvider, type LeadInput, listingKey } from './provider';

/**
 * What a name search looks in (the `search_text` column): the folded name and email, and the name
 * again without its punctuation, so "obrien" finds O'Brien and "sarahjane" Sarah-Jane.
 */
const searchText = (c: { first_name: string; last_name: string | null; email: string | null }) => {
  const name = fold(fullName({ firstName: c.first_name, lastName: c.last_name }));
  return [name, name.replace(/[^\p{L}\p{N}\s]+/gu, ''), c.email && fold(c.email)].filter(Boolean).join(' ');
};

/** Rows from before `search_text` are given it this many at a time, on the owner's next searches. */
const BACKFILL_ROWS = 200;

/** The CRM kept in the worker's own D1 database, one book of contacts per user. */
export function localCrm(db: D1Database, userId: string): CrmProvider {
  /** Inserts a row once per key: a repeated write finds the row the first one made. */
  const insert = async (table: string, key: string, fields: Record<string, unknown>) => {
    const names = ['user_id', 'idempotency_key', 'created_at', ...Object.keys(fields)];
    const values = [userId, key, Date.now(), ...Object.values(fields)];
    await db
      .prepare(
        `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})
         ON CONFLICT DO NOTHING`,
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
  /** Gives older rows their folded `search_text` in one statement (a few ms of CPU for a batch). */
  const backfill = async () => {
    const { results } = await db
      .prepare(`SELECT id, first_name, last_name, email FROM contacts WHERE user_id = ? AND search_text IS NULL LIMIT ?`)
      .bind(userId, BACKFILL_ROWS)
      .all<Pick<Row, 'id' | 'first_name' | 'last_name' | 'email'>>();
    if (!results.length) return;
    await db
      .prepare(
        `UPDATE contacts SET search_text = json_extract(r.value, '$[1]')
         FROM json_each(?) AS r WHERE contacts.id = json_extract(r.value, '$[0]') AND contacts.user_id = ?`,
      )
      .bind(JSON.stringify(results.map((r) => [r.id, searchText(r)])), userId)
      .run();
  };
  return {
    ...localDay(db, userId),
    name: 'local',
    foldsNames: true,
    refusesDuplicates: true,
    async searchContacts({ text, email, phone }) {
      const words = fold(text ?? '')
        .split(' ')
        .filter(Boolean)
        .slice(0, 3);
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
        await backfill();
        // A row beyond this search's backfill batch is still found by its ASCII lower case.
        const haystack =
          "coalesce(search_text, lower(first_name || ' ' || coalesce(last_name, '') || ' ' || coalesce(email, '')))";
        clauses.push(`(${words.map(() => `${haystack} LIKE ?`).join(' AND ')})`);
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
      const email = lead.email?.trim().toLowerCase() || null;
      const phone = lead.phone ?? null;
      await insert('contacts', key, {
        first_name: lead.firstName,
        last_name: lead.lastName ?? null,
        email,
        email_key: email,
        phone_key: phone,
        search_text: searchText({ first_name: lead.firstName, last_name: lead.lastName ?? null, email }),
        phone,
        source: lead.source ?? null,
        notes: lead.notes ?? null,
        consent: lead.consent ? JSON.stringify(lead.consent) : null,
      });
      const row = await byKey(key);
      if (row) return toContact(row);
      // The insert was refused by the one-email / one-phone rule: a concurrent add got there first.
      const existing = await db
        .prepare(`SELECT ${COLUMNS} FROM contacts WHERE user_id = ? AND (email_key = ? OR phone_key = ?) ORDER BY id LIMIT 1`)
        .bind(userId, email, phone)
        .first<Row>();
      if (!existing) throw new Error('the new contact was not stored');
      throw new AlreadyInCrm(toContact(existing));
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
    logCall: ({ contact, outcome, notes }, { key }) =>
      insert('calls', key, { contact_id: Number(contact.id), outcome: outcome ?? null, notes: notes ?? null }),
    async saveListing({ contact, listing, note }, { key }) {
      const contactId = Number(contact.id);
      const byListing = listingKey(listing);
      const byAddress = addressKey(listing.address);
      // One row per contact and home: a second save (another write) is refused and finds the first.
      await db
        .prepare(
          `INSERT INTO saved_listings
             (user_id, contact_id, listing_key, address_key, address, listing, note, idempotency_key, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        )
        .bind(userId, contactId, byListing, byAddress, listing.address, JSON.stringify(listing), note ?? null, key, Date.now())
        .run();
      const row = await db
        .prepare(
          `SELECT id, idempotency_key FROM saved_listings WHERE user_id = ?
             AND (idempotency_key = ? OR (contact_id = ? AND (listing_key = ? OR address_key = ?)))
           ORDER BY idempotency_key = ? DESC LIMIT 1`,
        )
        .bind(userId, key, contactId, byListing, byAddress, key)
        .first<{ id: number; idempotency_key: string | null }>();
      if (!row) throw new Error('the saved listing was not stored');
      return { id: String(row.id), ...(row.idempotency_key !== key && { duplicate: true }) };
    },
  };
}
