import { browser } from 'wxt/browser';
import type { PageContext } from '../shared/contracts';

/**
 * What each tab shows, kept in storage.session: it outlives the service worker (which stops when
 * idle) and is gone when the browser closes. Written by the background only, after validation.
 */
export const pageKey = (tabId: number) => `page:${tabId}`;

/** The tab a storage key belongs to, or undefined for other keys. */
export const tabOfKey = (key: string): number | undefined => (key.startsWith('page:') ? Number(key.slice(5)) : undefined);

export const savePageContext = (tabId: number, context: PageContext) =>
  browser.storage.session.set({ [pageKey(tabId)]: context });

export const forgetTab = (tabId: number) => browser.storage.session.remove(pageKey(tabId));
