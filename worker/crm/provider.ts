import type { z } from 'zod';
import type { AddLeadParams, CrmContact } from '../../shared/contracts';

export type LeadInput = z.infer<typeof AddLeadParams>;

/**
 * One confirmed write. `since` (the first attempt's time) is set when an earlier attempt may have
 * landed — it timed out, or the worker stopped mid-way — so the provider looks before it writes.
 */
export type WriteAttempt = { key: string; since?: number };

/** A short, stable mark of the write, for CRMs that keep it where it can be found again. */
export const writeRef = (key: string) => key.replace(/[^a-zA-Z0-9]/g, '').slice(0, 10);

/** Contacts created within this margin before the first attempt count as that attempt's (clock skew). */
export const SKEW_MS = 2 * 60_000;

/** What Estait needs from a CRM. */
export interface CrmProvider {
  readonly name: string;
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
}
