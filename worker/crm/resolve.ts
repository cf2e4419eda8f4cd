import type { CrmContact } from '../../shared/contracts';
import { ApiError } from '../errors';
import type { CrmProvider } from './provider';

export const fullName = (c: CrmContact) => [c.firstName, c.lastName].filter(Boolean).join(' ');

/** The contact a write is for: an id from the page, or a name that must match exactly one contact. */
export async function resolveContact(
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
