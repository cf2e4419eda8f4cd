import { browser } from 'wxt/browser';
import { z } from 'zod';
import { askBackground } from '../api/session';

/** What the background posts into the palette's frame when the shortcut opens it. */
const Opening = z.object({ estaitPalette: z.string() });

/**
 * Waits for the opening the shortcut made: the nonce and the private channel posted into this
 * frame. A frame the page made itself never gets a nonce the background accepts, and stays blank.
 */
export function awaitOpening(): Promise<{ tabId: number | undefined; close: () => void }> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      const nonce = Opening.safeParse(event.data).data?.estaitPalette;
      const port = event.ports[0];
      if (!nonce || !port) return;
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
