import { savedListing } from '../../shared/commands/intents/save_listing';
import { splitName } from '../../shared/commands/text';
import type { CrmContact, CrmTask, Listing, Target, WriteCommand } from '../../shared/contracts';
import { fullName } from '../../shared/format';

/** What the agent does next with a contact: a sentence for the command box to finish. */
export const NEXT_STEPS = [
  ['Add note', (name: string) => `add a note to ${name}: `],
  ['Log call', (name: string) => `log a call with ${name}`],
  ['Remind me', (name: string) => `remind me to follow up with ${name} `],
  ['Showing', (name: string) => `schedule a showing with ${name} `],
  ['Draft', (name: string) => `draft a text to ${name} about `],
] as const;

/** A write offered from outside the box (a right-click, a brief's Done), shown on its card at once. */
export type Proposal = { command: WriteCommand; why?: string; target?: Target; at: number };

/** What a card or a list can ask of the command box: a sentence to finish, or a card to confirm. */
export type ContactActions = {
  say: (sentence: string) => void;
  propose: (proposal: Omit<Proposal, 'at'>) => void;
};

/**
 * "Done" on a task: its card, for the contact it belongs to, with the task already picked. From the
 * day, where only the task's contact id and name are known, the card shows that name.
 */
export function completeProposal(task: CrmTask, from: CrmContact | undefined): Omit<Proposal, 'at'> {
  const contact =
    from ?? (task.contactId && task.contactName ? { id: task.contactId, ...splitName(task.contactName) } : undefined);
  const name = contact ? fullName(contact) : undefined;
  return {
    command: {
      intent: 'complete_task',
      confidence: 1,
      params: {
        task: task.title.slice(0, 200),
        taskId: task.id,
        ...(contact && { contactId: contact.id }),
        ...(name && { contact: name }),
      },
    },
    ...(contact && { target: { query: fullName(contact), status: 'one', contacts: [contact] } }),
  };
}

/** "Save to a contact" on a listing (the tab's, or one picked in the palette): its card, asking who. */
export const saveProposal = (listing: Listing, pageUrl?: string): Omit<Proposal, 'at'> => ({
  command: { intent: 'save_listing', confidence: 1, params: { listing: savedListing(listing, pageUrl) } },
  why: 'Who is interested in this listing?',
});
