import type { z } from 'zod';
import type { AddLeadParams, CrmContact } from '../../shared/contracts';

export type LeadInput = z.infer<typeof AddLeadParams>;

/** What Estait needs from a CRM. Every write takes the idempotency key of the confirmed action. */
export interface CrmProvider {
  readonly name: string;
  searchContacts(query: { text?: string; email?: string; phone?: string }): Promise<CrmContact[]>;
  getContact(id: string): Promise<CrmContact | undefined>;
  createContact(lead: LeadInput, key: string): Promise<CrmContact>;
  addNote(contactId: string, text: string, key: string): Promise<{ id: string }>;
  createTask(task: { contactId?: string; title: string; due?: string }, key: string): Promise<{ id: string }>;
  scheduleShowing(showing: { contactId?: string; address?: string; start?: string }, key: string): Promise<{ id: string }>;
}
