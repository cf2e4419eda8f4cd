import type { z } from 'zod';
import type { AddLeadParams, CallOutcome, CrmContact } from '../../shared/contracts';

export type LeadInput = z.infer<typeof AddLeadParams>;
export type CallInput = { contact: CrmContact; outcome?: CallOutcome; notes?: string };

/**
 * One confirmed write. `since` (the first attempt's time) is set when an earlier attempt may have
 * landed — it timed out, or the worker stopped mid-way — so the provider looks before it writes.
 */
export type WriteAttempt = { key: string; since?: number };

/** A short, stable mark of the write, for CRMs that keep it where it can be found again. */
export const writeRef = (key: string) => key.replace(/[^a-zA-Z0-9]/g, '').slice(0, 10);

/** How a call went, in words for the CRM and the agent. */
export const OUTCOME_WORDS: Record<CallOutcome, string> = {
  connected: 'Connected',
  left_voicemail: 'Left voicemail',
  no_answer: 'No answer',
};

/** The subject of a note Estait writes: it carries the write's reference, so a retry finds the note by it. */
export const noteSubject = (key: string, kind: 'Note' | 'Call' = 'Note') => `${kind} via Estait (${writeRef(key)})`;

/** A call kept as a note, for CRMs with no call records (or none for this contact): subject and body. */
export function callNote(key: string, { outcome, notes }: Omit<CallInput, 'contact'>) {
  const words = outcome && OUTCOME_WORDS[outcome];
  return {
    subject: words ? `${noteSubject(key, 'Call')}: ${words}` : noteSubject(key, 'Call'),
    body: notes ?? words ?? 'Call logged',
  };
}

/** The person is already in the CRM (found by the CRM's own uniqueness, not by a search): nothing was written. */
export class AlreadyInCrm extends Error {
  constructor(readonly contact: CrmContact) {
    super('already in the CRM');
  }
}

/** Contacts created within this margin before the first attempt count as that attempt's (clock skew). */
export const SKEW_MS = 2 * 60_000;

/** What Estait needs from a CRM. */
export interface CrmProvider {
  readonly name: string;
  /** Its name search already ignores accents and case, so searching the folded spelling too finds nothing new. */
  readonly foldsNames?: boolean;
  /** It refuses a second contact with the same email or phone itself (AlreadyInCrm): no lock is needed around an add. */
  readonly refusesDuplicates?: boolean;
  searchContacts(query: { text?: string; email?: string; phone?: string }): Promise<CrmContact[]>;
  getContact(id: string): Promise<CrmContact | undefined>;
  /** The contact an earlier attempt of this write created, if it did. */
  findCreated(lead: LeadInput, write: Required<WriteAttempt>): Promise<CrmContact | undefined>;
  createContact(lead: LeadInput, write: WriteAttempt): Promise<CrmContact>;
  addNote(contactId: string, text: string, write: WriteAttempt): Promise<{ id: string }>;
  createTask(task: { contactId?: string; title: string; due?: string }, write: WriteAttempt): Promise<{ id: string }>;
  scheduleShowing(
    showing: { contact?: CrmContact; address?: string; start?: string },
    write: WriteAttempt,
  ): Promise<{ id: string }>;
  logCall(call: CallInput, write: WriteAttempt): Promise<{ id: string }>;
}
