import { z } from 'zod';
import { CrmContact, MlsListing, WriteCommand } from '../../shared/contracts';
import { OutboxEntry } from '../cache/rows';
import { Entry } from './search-index';

/**
 * What the palette frame asks the background. The frame sits inside the agent's page, where the
 * browser may refuse it the extension's IndexedDB (a third-party frame under cookie blocking), so
 * the cache, the history and the outbox are read and written for it by the background.
 */
export const PaletteRequest = z.discriminatedUnion('type', [
  /** Cached contacts and listings newer than `since`, newest first, a page at a time, and the recent commands. */
  z.object({
    type: z.literal('palette-entries'),
    since: z.number().nonnegative(),
    page: z.number().int().nonnegative().max(1000),
  }),
  z.object({ type: z.literal('palette-row'), kind: z.enum(['contact', 'listing']), id: z.string().min(1).max(200) }),
  /** Confirmed writes, in order, into the outbox; answered once they were sent (or held). */
  z.object({ type: z.literal('palette-send'), commands: z.array(WriteCommand).min(1).max(2) }),
  z.object({ type: z.literal('palette-outcomes'), keys: z.array(z.string().min(1).max(100)).max(20) }),
  z.object({ type: z.literal('palette-remember'), text: z.string().min(1).max(2000) }),
  /** The contacts of a CRM answer read in the frame, for the cache. */
  z.object({ type: z.literal('palette-keep-contacts'), contacts: z.array(CrmContact).min(1).max(200) }),
  /** An MLS answer read in the frame, and its listings, for the cache. */
  z.object({
    type: z.literal('palette-cache'),
    key: z.string().min(1).max(2000),
    value: z.unknown(),
    listings: z.array(MlsListing).max(500),
  }),
]);
export type PaletteRequest = z.infer<typeof PaletteRequest>;

/** Rows of each table in a page of entries. */
export const ENTRIES_PAGE = 4_000;
export const EntriesReply = z.object({
  entries: z.array(Entry),
  recent: z.array(z.string()),
  at: z.number(),
  more: z.boolean(),
});
export const RowReply = z.object({ contact: CrmContact.optional(), listing: MlsListing.optional() });
export const SendReply = z.object({ keys: z.array(z.string()) });
export const OutcomesReply = z.object({ entries: z.array(OutboxEntry) });
export const DoneReply = z.object({ ok: z.literal(true) });
