import { addDays, sortEvents, sortTasks } from '../../shared/agenda';
import { toE164 } from '../../shared/commands/text';
import { BRIEF_ENTRIES, type ContactBrief } from '../../shared/contracts';
import type { CrmProvider } from '../crm/provider';
import { findTarget, samePerson } from '../crm/resolve';
import { ApiError } from '../errors';
import { readParts } from './parts';

/** How far ahead a brief looks for the next showing. */
const SHOWINGS_AHEAD_DAYS = 60;

/**
 * Who this is, what was last said, what is due and what is next, read from the CRM in parallel: the
 * contact, its notes and calls, open tasks, upcoming showings and saved listings.
 */
export async function readBrief(crm: CrmProvider, contactId: string, today: string): Promise<ContactBrief> {
  const [contact, { values, unavailable }] = await Promise.all([
    crm.getContact(contactId),
    readParts({
      activity: { part: 'activity', read: crm.activity(contactId, BRIEF_ENTRIES), empty: [] },
      tasks: { part: 'tasks', read: crm.openTasks({ contactId }), empty: [] },
      showings: {
        part: 'showings',
        read: crm.events({ from: today, to: addDays(today, SHOWINGS_AHEAD_DAYS), contactId }),
        empty: [],
      },
      saved: { part: 'saved', read: crm.savedListings(contactId), empty: [] },
    }),
  ]);
  if (!contact) throw new ApiError(404, 'contact_not_found', 'That contact is not in your CRM.');
  return {
    contact,
    activity: values.activity,
    tasks: sortTasks(values.tasks.filter((t) => !t.done)),
    showings: sortEvents(values.showings),
    saved: values.saved,
    unavailable,
    provider: crm.name,
    today,
  };
}

/** What the page showed of a contact, beside its id. */
export type PageDetails = { email?: string; phone?: string; name?: string };

/**
 * The brief of the contact a page shows. Its id is read at once; it counts only when that contact is
 * the page's person (an id from another CRM may belong to someone else here). Otherwise the page's
 * email, phone or name find them: one contact, or a 409 with the candidates, or a 404.
 */
export async function readPageBrief(crm: CrmProvider, id: string, details: PageDetails, today: string): Promise<ContactBrief> {
  const phone = details.phone ? toE164(details.phone) : undefined;
  if (!details.email && !phone && !details.name) return readBrief(crm, id, today);
  const [byId, target] = await Promise.all([
    readBrief(crm, id, today).catch(() => undefined),
    findTarget(crm, { email: details.email, phone, contact: details.name }),
  ]);
  if (byId && samePerson(byId.contact, { ...details, phone })) return byId;
  if (target.status === 'unchecked')
    throw new ApiError(502, 'crm_unavailable', target.message ?? 'Your CRM could not be read right now.');
  const [one] = target.contacts;
  if (target.status === 'one' && one) return readBrief(crm, one.id, today);
  if (target.status === 'many')
    throw new ApiError(409, 'ambiguous_contact', `Several contacts match “${target.query}”; pick one.`, {
      candidates: target.contacts,
    });
  throw new ApiError(404, 'contact_not_found', `${details.name ?? target.query} is not in your CRM yet.`);
}
