import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { readPage } from '../context';
import type { ContentMessage } from '../messages';

/** Pages that render after load (single-page apps) are read again a little later. */
const READ_AFTER_MS = [0, 1200, 4000];

/**
 * Reads the page now, again as it settles and after every in-app navigation, and tells the
 * background whenever what it sees changes.
 */
export function watchPage(ctx: ContentScriptContext): void {
  let last = '';
  const read = () => {
    const context = readPage(document, new URL(location.href));
    const json = JSON.stringify(context);
    if (json === last) return;
    last = json;
    const message: ContentMessage = { type: 'page-context', context };
    browser.runtime.sendMessage(message).catch(() => {
      // The extension was reloaded or updated; this page's script is orphaned and stays quiet.
    });
  };
  const readSoon = () => {
    for (const ms of READ_AFTER_MS) ctx.setTimeout(read, ms);
  };
  readSoon();
  ctx.addEventListener(window, 'wxt:locationchange', readSoon);
}
