import { browser } from 'wxt/browser';
import { PageContext } from '../shared/contracts';

/**
 * What each tab shows, kept in storage.session: it outlives the service worker (which stops when
 * idle) and is gone when the browser closes. Written by the background only, after validation.
 */
const key = (tabId: number) => `page:${tabId}`;

export const savePageContext = (tabId: number, context: PageContext) => browser.storage.session.set({ [key(tabId)]: context });

export const forgetTab = (tabId: number) => browser.storage.session.remove(key(tabId));

export async function loadPageContext(tabId: number): Promise<PageContext | undefined> {
  const parsed = PageContext.safeParse((await browser.storage.session.get(key(tabId)))[key(tabId)]);
  return parsed.success ? parsed.data : undefined;
}

/** Calls back with the tab's context whenever it changes (undefined when it is forgotten). */
export function watchPageContext(tabId: number, callback: (context: PageContext | undefined) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[key(tabId)];
    if (area !== 'session' || !change) return;
    const parsed = PageContext.safeParse(change.newValue);
    callback(parsed.success ? parsed.data : undefined);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
