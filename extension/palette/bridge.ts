import { browser } from 'wxt/browser';
import type { z } from 'zod';
import type { WriteCommand } from '../../shared/contracts';
import type { CacheKeeper } from '../cache/keeper';
import type { FlowDeps } from '../commands/flow';
import { DoneReply, EntriesReply, OutcomesReply, type PaletteRequest, RowReply, SendReply } from './messages';

async function ask<T extends z.ZodType>(schema: T, request: PaletteRequest): Promise<z.infer<T>> {
  return schema.parse(await browser.runtime.sendMessage(request));
}

export const paletteEntries = (since: number, page = 0) => ask(EntriesReply, { type: 'palette-entries', since, page });
export const paletteRow = (kind: 'contact' | 'listing', id: string) => ask(RowReply, { type: 'palette-row', kind, id });
/** The caches of the frame, kept by the background: MLS answers with their listings, and CRM contacts. */
export const BACKGROUND_CACHE: CacheKeeper = {
  answer: async (key, value, listings) => void (await ask(DoneReply, { type: 'palette-cache', key, value, listings })),
  contacts: async (contacts) => void (await ask(DoneReply, { type: 'palette-keep-contacts', contacts })),
};
export const outcomes = (keys: string[]) => ask(OutcomesReply, { type: 'palette-outcomes', keys });

/**
 * The flow's storage, kept by the background for the palette: the outbox (sent from there, with its
 * session, once stored), the results, and the history of sentences.
 */
export const PALETTE_FLOW: Pick<FlowDeps, 'enqueue' | 'flush' | 'outcome' | 'rememberText'> = {
  enqueue: async (commands: WriteCommand[]) => (await ask(SendReply, { type: 'palette-send', commands })).keys,
  // The background sent them before it answered `enqueue`.
  flush: async () => undefined,
  outcome: async (key) => (await outcomes([key])).entries[0]?.result,
  rememberText: async (text) => void (await ask(DoneReply, { type: 'palette-remember', text })),
};
