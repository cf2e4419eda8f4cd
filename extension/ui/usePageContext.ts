import { useSyncExternalStore } from 'react';
import { browser } from 'wxt/browser';
import { PageContext } from '../../shared/contracts';
import { tabOfKey } from '../page-store';

/**
 * Every tab's context, held in the panel's memory: read once from storage.session when the panel
 * opens and kept current from storage.onChanged, so a tab switch renders at once, with no round
 * trip to the browser process.
 */
const contexts = new Map<number, PageContext>();
const listeners = new Set<() => void>();
let loaded = false;

function apply(key: string, value: unknown): boolean {
  const tabId = tabOfKey(key);
  if (tabId === undefined) return false;
  const parsed = PageContext.safeParse(value);
  if (parsed.success) contexts.set(tabId, parsed.data);
  else contexts.delete(tabId);
  return true;
}

const notify = () => {
  for (const listener of listeners) listener();
};

function onChanged(changes: Record<string, { newValue?: unknown }>, area: string): void {
  if (area !== 'session') return;
  const changed = Object.entries(changes).map(([key, change]) => apply(key, change.newValue));
  if (changed.some(Boolean)) notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    browser.storage.onChanged.addListener(onChanged);
    void browser.storage.session.get(null).then((all) => {
      // Changes that arrived meanwhile are newer than this snapshot.
      for (const [key, value] of Object.entries(all)) if (!contexts.has(tabOfKey(key) ?? -1)) apply(key, value);
      loaded = true;
      notify();
    });
  }
  return () => {
    listeners.delete(listener);
    if (!listeners.size) browser.storage.onChanged.removeListener(onChanged);
  };
}

/** The context read from a tab, kept current; `loading` until the panel has read storage once. */
export function usePageContext(tabId: number | undefined): { context: PageContext | undefined; loading: boolean } {
  const ready = useSyncExternalStore(subscribe, () => loaded);
  const context = useSyncExternalStore(subscribe, () => (tabId === undefined ? undefined : contexts.get(tabId)));
  return { context, loading: tabId === undefined || !ready };
}
