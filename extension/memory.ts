import { browser } from 'wxt/browser';
import { z } from 'zod';
import { type Listing, ListingRead, type PageContext, Recent } from '../shared/contracts';

/**
 * The conversation's short memory, one per browser window: the contact and the listing the agent
 * last referred to, opened or wrote, so "remind me to call him Friday" after adding the listing
 * agent means that agent. Kept in storage.session: it outlives the panel and the service worker and
 * is gone when the browser closes. Old entries fade: after an hour "him" means nobody in particular.
 */
const KEY_PREFIX = 'memory:';
const memoryKey = (windowId: number) => `${KEY_PREFIX}${windowId}`;
export const MEMORY_TTL_MS = 60 * 60_000;

type RecentContact = NonNullable<Recent['contact']>;
/** What happened that the memory takes in. */
export type Mention = { contact: Omit<RecentContact, 'at'>; listing?: undefined } | { listing: Listing; contact?: undefined };

/** The listing has no time of its own in the contract; the memory keeps one beside it. */
const Stored = Recent.extend({ listingAt: z.number().optional() });

export async function recall(windowId: number, now = Date.now()): Promise<Recent> {
  const parsed = Stored.safeParse((await browser.storage.session.get(memoryKey(windowId)))[memoryKey(windowId)]);
  if (!parsed.success) return {};
  const { contact, listing, listingAt } = parsed.data;
  const fresh = (at: number | undefined) => at !== undefined && now - at < MEMORY_TTL_MS;
  return { ...(contact && fresh(contact.at) && { contact }), ...(listing && fresh(listingAt) && { listing }) };
}

export async function remember(windowId: number, mention: Mention, now = Date.now()): Promise<void> {
  const key = memoryKey(windowId);
  const parsed = Stored.safeParse((await browser.storage.session.get(key))[key]);
  const stored = parsed.success ? parsed.data : {};
  // An MLS listing carries more than a page's (its id, its close): the memory keeps a page's fields.
  const listing = mention.listing && ListingRead.safeParse(mention.listing).data;
  const next = mention.contact
    ? { ...stored, contact: { ...mention.contact, at: now } }
    : listing
      ? { ...stored, listing, listingAt: now }
      : stored;
  await browser.storage.session.set({ [key]: next });
}

const HOW: Record<NonNullable<RecentContact['via']>, string> = {
  added: 'added',
  opened: 'opened',
  named: 'mentioned',
  wrote: 'written to',
};

/** "him → Tom Nguyen, added 2 min ago": why a pointing word meant who it did. */
export function whyRemembered(contact: RecentContact | undefined, now = Date.now()): string | undefined {
  if (contact?.at === undefined) return undefined;
  const minutes = Math.round((now - contact.at) / 60_000);
  const ago = minutes < 1 ? 'just now' : `${minutes} min ago`;
  return `${HOW[contact.via ?? 'named']} ${ago}`;
}

let windowOfPanel: Promise<number> | undefined;
/** The window the panel (or the page calling) belongs to: its memory is this window's. */
export const thisWindow = () => {
  windowOfPanel ??= browser.windows.getCurrent().then((w) => w.id ?? 0);
  return windowOfPanel;
};

/** What an opened page puts in the memory: the contact on a CRM page, the listing on a listing page. */
export function mentionOf(page: PageContext | undefined): Mention | undefined {
  if (page?.kind === 'contact' && page.contact?.id && page.contact.name)
    return { contact: { id: page.contact.id, name: page.contact.name, via: 'opened' } };
  if (page?.kind === 'listing' && page.listing) return { listing: page.listing };
  return undefined;
}

/** Calls back with this window's memory now and whenever it changes; returns the unsubscribe. */
export function watchMemory(onChange: (recent: Recent) => void): () => void {
  let live = true;
  const reload = () =>
    void thisWindow()
      .then((id) => recall(id))
      .then((recent) => live && onChange(recent));
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && Object.keys(changes).some((key) => key.startsWith(KEY_PREFIX))) reload();
  };
  browser.storage.onChanged.addListener(listener);
  reload();
  return () => {
    live = false;
    browser.storage.onChanged.removeListener(listener);
  };
}
