import { browser } from 'wxt/browser';
import { askBackground } from '../api/session';

/**
 * Waits for the opening the shortcut made: the nonce and the private channel posted into this
 * frame. A frame the page made itself never gets a nonce the background accepts, and stays blank.
 */
export function awaitOpening(): Promise<{ tabId: number | undefined; close: () => void }> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      const nonce: unknown = (event.data as { estaitPalette?: unknown } | null)?.estaitPalette;
      const port = event.ports[0];
      if (typeof nonce !== 'string' || !port) return;
      // Which tab this is, asked at the same time: the proof alone decides whether the palette starts.
      void Promise.all([askBackground({ type: 'palette-claim', nonce }), browser.tabs.getCurrent()])
        .then(([, tab]) => {
          window.removeEventListener('message', onMessage);
          resolve({ tabId: tab?.id, close: () => port.postMessage('close') });
        })
        .catch(() => port.close());
    };
    window.addEventListener('message', onMessage);
  });
}
