import { z } from 'zod';
import { Crm } from './api';
import { Consent, WRITE_INTENTS, WriteCommand } from './command';
import { TimeZone } from './time';

export const CrmContact = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  source: z.string().optional(),
  /** Recorded consent to be contacted, when the CRM keeps it. */
  consent: Consent.optional(),
  /** The contact's page in the CRM, when it has one. */
  url: z.url().optional(),
});
export type CrmContact = z.infer<typeof CrmContact>;

export const ContactsQuery = z.strictObject({ query: z.string().trim().min(1).max(120) });
export const ContactsResponse = z.object({ contacts: z.array(CrmContact), provider: Crm });
export type ContactsResponse = z.infer<typeof ContactsResponse>;

export const ExecuteRequest = z.strictObject({
  command: WriteCommand,
  /** Chosen by the extension when the agent confirms; the same key never writes twice. */
  idempotencyKey: z.string().regex(/^[\w-]{8,128}$/, '8–128 letters, digits, - or _'),
  /** The agent's zone: local due and start times become instants for CRMs that need them. */
  tz: TimeZone.optional(),
});
export type ExecuteRequest = z.infer<typeof ExecuteRequest>;

export const ExecuteResult = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('done'),
    intent: z.enum(WRITE_INTENTS),
    crmId: z.string(),
    contact: CrmContact.optional(),
    summary: z.string(),
  }),
  /**
   * The lead already exists (same email or phone), the contact already has the listing, or the task
   * was already done: nothing was written. `contact` is who it concerns (a task may have no one).
   */
  z.object({ status: z.literal('duplicate'), contact: CrmContact.optional(), summary: z.string() }),
]);
export type ExecuteResult = z.infer<typeof ExecuteResult>;
export const ExecuteResponse = z.object({ ok: z.boolean(), result: ExecuteResult });
export type ExecuteResponse = z.infer<typeof ExecuteResponse>;

export const ActivityEntry = z.object({
  id: z.number(),
  intent: z.string(),
  summary: z.string(),
  crmId: z.string(),
  provider: z.string(),
  at: z.iso.datetime(),
  /** The CRM contact the write was for. */
  contactId: z.string().optional(),
  /** The fields as written: the confirmed command's params. */
  record: z.record(z.string(), z.unknown()).optional(),
});
export const ActivityResponse = z.object({ entries: z.array(ActivityEntry) });
export type ActivityResponse = z.infer<typeof ActivityResponse>;
