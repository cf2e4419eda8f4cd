import { type Browser, browser } from 'wxt/browser';
import { base64url } from '../../shared/encoding';

export const PALETTE_PAGE = '/palette.html';
const NONCE_KEY = 'palette-nonce';
/** The frame each tab's palette was proven in: only it may use the palette's storage. */
const frameKey = (tabId: number) => `palette-frame:${tabId}`;
const NONCE_TTL_MS = 10_000;

/**
 * Pages where no extension may run a script (the browser's own pages, the Web Store, the PDF
 * viewer): there the shortcut opens the side panel instead. Decided from the address alone,
 * because the side panel may only be opened before the handler's first await.
 */
export function canHostPalette(url: string | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!['http:', 'https:', 'file:'].includes(parsed.protocol)) return false;
  if (parsed.hostname === 'chromewebstore.google.com') return false;
  if (parsed.hostname === 'chrome.google.com' && parsed.pathname.startsWith('/webstore')) return false;
  return !/\.pdf$/i.test(parsed.pathname);
}

/**
 * Puts the palette on the tab: a closed shadow root holding the palette page in a frame, so no
 * style of the page reaches it, nothing of it stays on the page once closed, and the page cannot
 * read what is typed. The frame proves it was opened here with a one-time nonce the page never sees.
 */
export async function openPalette(tabId: number): Promise<void> {
  const nonce = base64url(crypto.getRandomValues(new Uint8Array(32)));
  // Both at once: the frame asks for the nonce only once its page has loaded, long after it is stored.
  await Promise.all([
    browser.storage.session.set({ [NONCE_KEY]: { tabId, nonce, at: Date.now() } }),
    browser.scripting.executeScript({
      target: { tabId },
      func: mountPalette,
      args: [browser.runtime.getURL(PALETTE_PAGE), nonce],
    }),
  ]);
}

/** The palette frame's claim: the nonce of the latest opening, on that tab, within seconds, once. */
export async function claimPalette(nonce: string, sender: Browser.runtime.MessageSender): Promise<boolean> {
  const stored = (await browser.storage.session.get(NONCE_KEY))[NONCE_KEY] as
    | { tabId?: unknown; nonce?: unknown; at?: unknown }
    | undefined;
  const valid =
    !!stored &&
    stored.nonce === nonce &&
    stored.tabId === sender.tab?.id &&
    typeof stored.at === 'number' &&
    Date.now() - stored.at < NONCE_TTL_MS &&
    sender.url?.split(/[?#]/)[0] === browser.runtime.getURL(PALETTE_PAGE);
  if (valid && sender.tab?.id !== undefined) {
    await browser.storage.session.remove(NONCE_KEY);
    await browser.storage.session.set({ [frameKey(sender.tab.id)]: sender.frameId });
  }
  return valid;
}

export const forgetPalette = (tabId: number) => browser.storage.session.remove(frameKey(tabId));

/** Whether a message comes from the palette frame the shortcut opened on its tab (not one a page made itself). */
export async function isOpenedPalette(sender: Browser.runtime.MessageSender): Promise<boolean> {
  if (sender.tab?.id === undefined || sender.frameId === undefined) return false;
  if (sender.url?.split(/[?#]/)[0] !== browser.runtime.getURL(PALETTE_PAGE)) return false;
  const key = frameKey(sender.tab.id);
  return (await browser.storage.session.get(key))[key] === sender.frameId;
}

/**
 * Runs in the page's isolated world, serialized: everything it uses is in its body. A second
 * press of the shortcut closes the palette. Esc and clicks outside reach it from the frame over a
 * private channel, which the page cannot listen to or forge.
 */
function mountPalette(src: string, nonce: string): void {
  const KEY = Symbol.for('estait.palette');
  const world = globalThis as unknown as Record<symbol, { close: () => void } | undefined>;
  const open = world[KEY];
  if (open) {
    open.close();
    return;
  }
  let previous = document.activeElement;
  while (previous?.shadowRoot?.activeElement) previous = previous.shadowRoot.activeElement;
  const host = document.createElement('estait-palette');
  host.setAttribute('popover', 'manual');
  host.style.cssText = [
    'all: initial',
    'position: fixed',
    'inset: 0',
    'width: 100vw',
    'height: 100vh',
    'max-width: none',
    'max-height: none',
    'margin: 0',
    'padding: 0',
    'border: 0',
    'background: transparent',
    'display: block',
    'opacity: 1',
    'visibility: visible',
    'overflow: hidden',
    'z-index: 2147483647',
  ]
    .map((d) => `${d} !important`)
    .join(';');
  const root = host.attachShadow({ mode: 'closed' });
  const frame = document.createElement('iframe');
  frame.src = src;
  frame.title = 'Estait command palette';
  frame.style.cssText =
    'all: initial !important; display: block !important; width: 100% !important; height: 100% !important; border: 0 !important; background: transparent !important; color-scheme: normal !important';
  root.append(frame);
  const channel = new MessageChannel();
  const close = () => {
    channel.port1.close();
    host.remove();
    world[KEY] = undefined;
    if (previous instanceof HTMLElement && previous.isConnected) previous.focus({ preventScroll: true });
  };
  channel.port1.onmessage = (event) => {
    if (event.data === 'close') close();
  };
  frame.addEventListener(
    'load',
    () => {
      frame.contentWindow?.postMessage({ estaitPalette: nonce }, new URL(src).origin, [channel.port2]);
      frame.focus();
    },
    { once: true },
  );
  document.documentElement.append(host);
  try {
    host.showPopover();
  } catch {
    // Without the top layer the fixed, topmost box still covers the page.
  }
  world[KEY] = { close };
}
