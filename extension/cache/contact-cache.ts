import type { CrmContact } from '../../shared/contracts';
import { db } from './db';
import { cacheElsewhere } from './keeper';

export const CONTACT_CAP = 50_000;

/** Keeps the contacts of a CRM answer for the palette; the longest unseen go past the cap. */
export async function keepContacts(contacts: CrmContact[], now = Date.now()): Promise<void> {
  if (!contacts.length) return;
  const elsewhere = cacheElsewhere();
  if (elsewhere) return elsewhere.contacts(contacts);
  await db.contacts.bulkPut(contacts.map((contact) => ({ id: contact.id, contact, fetchedAt: now })));
  const count = await db.contacts.count();
  if (count > CONTACT_CAP)
    await db.contacts
      .orderBy('fetchedAt')
      .limit(count - CONTACT_CAP)
      .delete();
}
