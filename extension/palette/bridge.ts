import { browser } from 'wxt/browser';
import type { z } from 'zod';
import type { MlsListing, WriteCommand } from '../../shared/contracts';
import type { FlowDeps } from '../commands/flow';
import { DoneReply, EntriesReply, OutcomesReply, type PaletteRequest, RowReply, SendReply } from './messages';

async function ask<T extends z.ZodType>(schema: T, request: PaletteRequest): Promise<z.infer<T>> {
  return schema.parse(await browser.runtime.sendMessage(request));
}

export const paletteEntries = (since: number, page = 0) => ask(EntriesReply, { type: 'palette-entries', since, page });
export const paletteRow = (kind: 'contact' | 'listing', id: string) => ask(RowReply, { type: 'palette-row', kind, id });
/** Keeps an MLS answer the frame read, and its listings, in the background's cache. */
export const keepInBackground = async (key: string, value: unknown, listings: MlsListing[]) =>
  void (await ask(DoneReply, { type: 'palette-cache', key, value, listings }));
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
