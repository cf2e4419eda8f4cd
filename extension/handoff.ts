import { browser } from 'wxt/browser';
import { z } from 'zod';

/**
 * What the agent asked for from outside the panel (right-click, shortcut), kept in storage.session
 * because the service worker forgets its memory when it stops.
 */
export const Handoff = z.object({
  action: z.enum(['selection', 'save_listing', 'add_listing_agent', 'open_palette']),
  tabId: z.number().int().nonnegative(),
  text: z.string().max(2000).optional(),
  url: z.string().optional(),
  at: z.number(),
});
export type Handoff = z.infer<typeof Handoff>;

const KEY = 'handoff';

export const saveHandoff = (handoff: Handoff) => browser.storage.session.set({ [KEY]: handoff });

/**
 * The handoff, taken once. A panel passes its own tab: another window's panel, or one that follows
 * another tab, leaves it for the panel of the tab it came from.
 */
export async function takeHandoff(tabId?: number): Promise<Handoff | undefined> {
  const parsed = Handoff.safeParse((await browser.storage.session.get(KEY))[KEY]);
  if (!parsed.success) return undefined;
  if (tabId !== undefined && parsed.data.tabId !== tabId) return undefined;
  await browser.storage.session.remove(KEY);
  return parsed.data;
}

/** Calls back whenever a new handoff is saved; returns the unsubscribe function. */
export function onHandoff(callback: () => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && changes[KEY]?.newValue !== undefined) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
