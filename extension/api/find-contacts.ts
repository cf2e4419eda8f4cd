import type { CrmContact } from '../../shared/contracts';
import { keepContacts } from '../cache/contact-cache';
import { findContacts } from './calls';

/** A CRM contact search whose answer is also kept, so the palette finds those contacts offline and at once. */
export async function findAndKeepContacts(query: string, signal?: AbortSignal): Promise<{ contacts: CrmContact[] }> {
  const answer = await findContacts(query, signal);
  void keepContacts(answer.contacts).catch(() => undefined);
  return answer;
}
