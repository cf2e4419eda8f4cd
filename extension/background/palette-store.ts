import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import type { z } from 'zod';
import { execute } from '../api/calls';
import { keepContacts } from '../cache/contact-cache';
import { db } from '../cache/db';
import { recent, remember } from '../cache/history';
import { write } from '../cache/mls-cache';
import { enqueueAll, flush } from '../cache/outbox';
import { contactEntry, listingEntry } from '../palette/entries';
import {
  type DoneReply,
  ENTRIES_PAGE,
  type EntriesReply,
  type OutcomesReply,
  PaletteRequest,
  type RowReply,
  type SendReply,
} from '../palette/messages';
import { isOpenedPalette } from './palette';

type Replies = {
  'palette-entries': z.infer<typeof EntriesReply>;
  'palette-row': z.infer<typeof RowReply>;
  'palette-send': z.infer<typeof SendReply>;
  'palette-outcomes': z.infer<typeof OutcomesReply>;
  'palette-remember': z.infer<typeof DoneReply>;
  'palette-cache': z.infer<typeof DoneReply>;
  'palette-keep-contacts': z.infer<typeof DoneReply>;
};
type Handlers = {
  [T in PaletteRequest['type']]: (message: Extract<PaletteRequest, { type: T }>) => Promise<Replies[T]>;
};

const HANDLERS: Handlers = {
  'palette-entries': async ({ since, page }) => {
    const at = Date.now();
    const skip = page * ENTRIES_PAGE;
    const [contacts, listings, texts] = await Promise.all([
      db.contacts.where('fetchedAt').above(since).reverse().offset(skip).limit(ENTRIES_PAGE).toArray(),
      db.listings.where('fetchedAt').above(since).reverse().offset(skip).limit(ENTRIES_PAGE).toArray(),
      // The recent commands come with the first page only.
      page === 0 ? recent(20) : [],
    ]);
    return {
      entries: [...contacts.map(contactEntry), ...listings.map(listingEntry)],
      recent: texts,
      at,
      more: contacts.length === ENTRIES_PAGE || listings.length === ENTRIES_PAGE,
    };
  },
  'palette-row': async ({ kind, id }) =>
    kind === 'contact' ? { contact: (await db.contacts.get(id))?.contact } : { listing: (await db.listings.get(id))?.listing },
  'palette-send': async ({ commands }) => {
    const keys = await enqueueAll(commands);
    await flush(execute);
    return { keys };
  },
  'palette-outcomes': async ({ keys }) => ({
    entries: (await db.outbox.bulkGet(keys)).filter((e) => e !== undefined),
  }),
  'palette-remember': async ({ text }) => {
    await remember(text);
    return { ok: true };
  },
  'palette-keep-contacts': async ({ contacts }) => {
    await keepContacts(contacts);
    return { ok: true };
  },
  'palette-cache': async ({ key, value, listings }) => {
    await write(key, value, listings);
    return { ok: true };
  },
};

/**
 * The palette frame's door to the extension's storage: only the allowlist's requests, only from
 * the frame the shortcut opened and proved on its tab — a copy of the palette page a site frames
 * itself gets no answer.
 */
export function onPaletteMessage(message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined {
  if (sender.id !== browser.runtime.id) return undefined;
  const parsed = PaletteRequest.safeParse(message);
  if (!parsed.success) return undefined;
  const request = parsed.data;
  return isOpenedPalette(sender).then((opened): Promise<unknown> | undefined =>
    opened ? HANDLERS[request.type](request as never) : undefined,
  );
}
