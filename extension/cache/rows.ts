import { z } from 'zod';
import { CrmContact, ExecuteResult, MlsListing, WriteCommand } from '../../shared/contracts';

// The rows of Estait's IndexedDB, apart from the database itself: the palette's frame checks
// them in its answers from the background without loading Dexie.

export const HistoryEntry = z.object({ id: z.number().optional(), text: z.string(), at: z.number() });
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/**
 * A write the agent confirmed. It is stored before it is sent and stays until the worker has it:
 * pending → done | duplicate, or retrying (the worker or CRM was down, or busy) or needs_attention
 * (the worker refused it, e.g. an unknown contact). A write is sent from pending or retrying, by
 * whichever of the panel and the alarm gets to it first; its key makes a second send harmless.
 */
export const OutboxEntry = z.object({
  key: z.string(),
  command: WriteCommand,
  state: z.enum(['pending', 'retrying', 'done', 'duplicate', 'needs_attention']),
  attempts: z.number().int().nonnegative(),
  nextAt: z.number(),
  createdAt: z.number(),
  error: z.string().optional(),
  /** The code of the last failure, to tell a write waiting out an outage from one the worker refused. */
  code: z.string().optional(),
  result: ExecuteResult.optional(),
  /** The key of the new lead this write is for: it is sent once that lead is in the CRM, with its id. */
  after: z.string().optional(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/** A worker answer kept for stale-while-revalidate (search, details, comps), keyed by the request. */
export const CachedResponse = z.object({ key: z.string(), value: z.unknown(), fetchedAt: z.number() });
export type CachedResponse = z.infer<typeof CachedResponse>;

/** Every listing seen in an MLS answer, for instant cards and the palette's index. */
export const CachedListing = z.object({ id: z.string(), listing: MlsListing, fetchedAt: z.number() });
export type CachedListing = z.infer<typeof CachedListing>;

/** Every CRM contact seen in an answer or on a CRM page, for the palette's index. */
export const CachedContact = z.object({ id: z.string(), contact: CrmContact, fetchedAt: z.number() });
export type CachedContact = z.infer<typeof CachedContact>;
