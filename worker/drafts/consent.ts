import type { CrmContact, DraftCommand, DraftNotice, PageContext } from '../../shared/contracts';
import { fullName } from '../../shared/format';
import type { CrmProvider } from '../crm/provider';
import { resolveContact } from '../crm/resolve';

/**
 * Who a draft goes to, as the CRM has them (for their name as it is spelt there, and their consent):
 * the contact named or open in the tab, or whoever has the typed number. Undefined when the CRM
 * has no one, or cannot be asked.
 */
export async function recipientOf(
  crm: CrmProvider,
  command: DraftCommand,
  page: PageContext | undefined,
): Promise<CrmContact | undefined> {
  const onPage = page?.kind === 'contact' ? page.contact : undefined;
  const contactId = command.params.contactId ?? (command.params.contact ? undefined : onPage?.id);
  const name = command.params.contact ?? onPage?.name;
  const byPhone = !contactId && !name && command.params.phone;
  return (
    byPhone
      ? crm.searchContacts({ phone: command.params.phone }).then(([found]) => found)
      : resolveContact(crm, { contactId, contact: name }, false)
  ).catch(() => undefined);
}

/**
 * A text to a contact with no recorded consent to texts gets a reminder: under the TCPA, marketing
 * texts need the recipient's prior express written consent (47 U.S.C. § 227; 47 CFR § 64.1200).
 * The reminder is shown, never enforced: the agent knows what the contact agreed to off the record.
 */
export function smsConsentNotices(
  command: DraftCommand,
  recipient: CrmContact | undefined,
  said: string | undefined,
): DraftNotice[] {
  if (command.params.channel !== 'sms' || recipient?.consent?.channels.includes('sms')) return [];
  const who = recipient ? fullName(recipient) : (said ?? command.params.phone ?? 'this contact');
  return [
    {
      code: 'tcpa_consent',
      message: `No consent to texts is recorded for ${who}. Marketing texts need their prior written consent (TCPA); make sure you have it before sending.`,
    },
  ];
}
