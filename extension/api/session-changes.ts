import { browser } from 'wxt/browser';

/**
 * When the session last changed hands: a CRM sign-in or sign-out, on any of the extension's pages,
 * or a session the worker ended. The background, which owns the session, stamps it in
 * storage.session (the extension's own pages and background only); the pages watch it, so a panel
 * left open follows a sign-in done on the options page.
 */
const KEY = 'sessionChangedAt';

export async function announceSessionChange(now = Date.now()): Promise<void> {
  await browser.storage.session.set({ [KEY]: now });
}

/** Calls `listener` after every sign-in or sign-out, wherever it happened. */
export function watchSessionChanges(listener: () => void): () => void {
  const onChanged = (changes: Record<string, unknown>) => {
    if (KEY in changes) listener();
  };
  browser.storage.session.onChanged.addListener(onChanged);
  return () => browser.storage.session.onChanged.removeListener(onChanged);
}
