import { MAX_CANDIDATES, matchByName } from '../../shared/contacts';
import type { CrmContact, Target } from '../../shared/contracts';
import { fold } from '../../shared/normalize';
import { ApiError } from '../errors';
import type { CrmProvider } from './provider';

/** What a contact is looked up by: an id from the page, an email or phone, or a name as typed. */
export type ContactRef = { contact?: string; contactId?: string; phone?: string; email?: string };

/** The CRM's matches for a typed name, and for its folded spelling when the CRM's search minds accents. */
async function searchName(crm: CrmProvider, typed: string): Promise<CrmContact[]> {
  const folded = fold(typed);
  const spellings = crm.foldsNames || folded === typed.toLowerCase().replace(/\s+/g, ' ') ? [typed] : [typed, folded];
  let found = (await Promise.all(spellings.map((text) => crm.searchContacts({ text })))).flat();
  // A CRM that searches the name as one string misses "sarah jane" for Sarah-Jane and "kevin obrien"
  // for O'Brien: its longest word, searched alone, finds them for the matching to judge.
  const longest = typed.split(/[\s'’-]+/).sort((a, b) => b.length - a.length)[0];
  if (!found.length && longest && longest.length >= 3 && longest !== typed) found = await crm.searchContacts({ text: longest });
  return found.filter((c, i) => found.findIndex((d) => d.id === c.id) === i);
}

/**
 * Whether a contact is the person some details describe: the same email, phone (E.164) or name. An
 * id from a page may be another CRM's, and belong to someone else here.
 */
export const samePerson = (c: CrmContact, d: { email?: string; phone?: string; name?: string }) =>
  (!!d.email && c.email?.toLowerCase() === d.email.toLowerCase()) ||
  (!!d.phone && c.phone === d.phone) ||
  (!!d.name && matchByName(d.name, [c]).length === 1);

/** The contacts a reference points at; CRM failures are thrown. */
async function lookup(crm: CrmProvider, ref: ContactRef): Promise<CrmContact[]> {
  if (ref.contactId) {
    const found = await crm.getContact(ref.contactId);
    const details = { email: ref.email, phone: ref.phone, name: ref.contact };
    const described = !!(ref.email || ref.phone || ref.contact);
    // An id is the CRM's own, and counts when nothing else describes them or it is the person described;
    // the page's id from another CRM finds no one, or someone else, and the details take over.
    if (found && (!described || samePerson(found, details))) return [found];
    if (!described) return [];
  }
  for (const probe of [ref.email && { email: ref.email }, ref.phone && { phone: ref.phone }]) {
    if (!probe) continue;
    const found = await crm.searchContacts(probe);
    if (found.length) return found.slice(0, MAX_CANDIDATES);
  }
  const typed = ref.contact?.trim();
  return typed ? matchByName(typed, await searchName(crm, typed)) : [];
}

const status = (found: CrmContact[]) => (found.length === 1 ? 'one' : found.length ? 'many' : 'none');

/**
 * Who a write is for, looked up when it is planned, so the confirm card can show them, offer a pick
 * or offer to add them. Never throws: a CRM that cannot be reached makes the target 'unchecked'.
 */
export async function findTarget(crm: CrmProvider, ref: ContactRef): Promise<Target> {
  const query = ref.contactId || ref.email || ref.phone || ref.contact?.trim() || '';
  if (!query) return { query, status: 'unchecked', contacts: [] };
  try {
    const contacts = await lookup(crm, ref);
    return { query, status: status(contacts), contacts };
  } catch (err) {
    if (!(err instanceof ApiError)) console.warn(JSON.stringify({ findTarget: String(err) }));
    const message = err instanceof ApiError ? err.message : 'Your CRM could not be checked right now.';
    return { query, status: 'unchecked', contacts: [], message };
  }
}

/** The contact a write is for: an id from the page, or a name that must point at exactly one contact. */
export function resolveContact(crm: CrmProvider, params: ContactRef, required: true): Promise<CrmContact>;
export function resolveContact(crm: CrmProvider, params: ContactRef, required: boolean): Promise<CrmContact | undefined>;
export async function resolveContact(crm: CrmProvider, params: ContactRef, required: boolean) {
  const typed = params.contact?.trim();
  if (!params.contactId && !typed && !params.phone) {
    if (required) throw new ApiError(422, 'contact_required', 'Say which contact this is for, or open their page.');
    return undefined;
  }
  // An id is the one shown on the card; without one, a name or the number called.
  const found = await lookup(crm, params.contactId ? { contactId: params.contactId } : { contact: typed, phone: params.phone });
  if (found.length === 1) return found[0];
  if (params.contactId) throw new ApiError(422, 'contact_not_found', 'That contact is not in your CRM.');
  const who = typed ?? params.phone;
  if (!found.length) throw new ApiError(422, 'contact_not_found', `No contact “${who}” in your CRM; add them as a lead first.`);
  throw new ApiError(409, 'ambiguous_contact', `Several contacts match “${who}”; pick one.`, { candidates: found });
}
