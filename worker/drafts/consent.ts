import type { DraftCommand, DraftNotice, PageContext } from '../../shared/contracts';
import { fullName } from '../../shared/format';
import type { CrmProvider } from '../crm/provider';
import { resolveContact } from '../crm/resolve';

/**
 * A text to a contact with no recorded consent to texts gets a reminder: under the TCPA, marketing
 * texts need the recipient's prior express written consent (47 U.S.C. § 227; 47 CFR § 64.1200).
 * The reminder is shown, never enforced: the agent knows what the contact agreed to off the record.
 */
export async function smsConsentNotices(
  crm: CrmProvider,
  command: DraftCommand,
  page: PageContext | undefined,
): Promise<DraftNotice[]> {
  if (command.params.channel !== 'sms') return [];
  const onPage = page?.kind === 'contact' ? page.contact : undefined;
  const contactId = command.params.contactId ?? (command.params.contact ? undefined : onPage?.id);
  const name = command.params.contact ?? onPage?.name;
  // A text to a typed number is to whoever in the CRM has that number, if anyone.
  const byPhone = !contactId && !name && command.params.phone;
  const contact = await (byPhone
    ? crm.searchContacts({ phone: command.params.phone }).then(([found]) => found)
    : resolveContact(crm, { contactId, contact: name }, false)
  ).catch(() => undefined);
  if (contact?.consent?.channels.includes('sms')) return [];
  const who = contact ? fullName(contact) : (name ?? command.params.phone ?? 'this contact');
  return [
    {
      code: 'tcpa_consent',
      message: `No consent to texts is recorded for ${who}. Marketing texts need their prior written consent (TCPA); make sure you have it before sending.`,
    },
  ];
}
