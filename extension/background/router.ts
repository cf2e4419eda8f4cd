import { type Browser, browser } from 'wxt/browser';
import { WorkerError } from '../api/errors';
import { rememberPageListings } from '../cache/page-listings';
import { ContentMessage, PageMessage, type PageReply } from '../messages';
import { forgetTab, savePageContext } from '../page-store';
import { claimPalette, forgetPalette } from './palette';
import { exchangeCode, sessionToken, signInWithKey, signOut } from './session';

type Sender = Browser.runtime.MessageSender;
type Handlers = {
  [T in ContentMessage['type']]: (message: Extract<ContentMessage, { type: T }>, tabId: number) => Promise<unknown>;
};

const HANDLERS: Handlers = {
  'page-context': async ({ context }, tabId) => {
    await savePageContext(tabId, context);
    // The cache only speeds later searches up: a full disk must not cost the tab its card.
    await rememberPageListings(context).catch(() => undefined);
  },
};

const sameOrigin = (a: string | undefined, b: string) => {
  try {
    return !!a && new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
};

/**
 * The one door from content scripts into the extension: only our own top-frame scripts, only
 * messages of the allowlist, and a page may only speak for its own address.
 */
export function onContentMessage(message: unknown, sender: Sender): Promise<unknown> | undefined {
  const tabId = sender.tab?.id;
  if (sender.id !== browser.runtime.id || tabId === undefined || sender.frameId !== 0) return undefined;
  const parsed = ContentMessage.safeParse(message);
  if (!parsed.success) return undefined;
  if (parsed.data.type === 'page-context' && !sameOrigin(sender.url, parsed.data.context.url)) return undefined;
  return HANDLERS[parsed.data.type](parsed.data as never, tabId);
}

/** A settled task as a reply that survives messaging. */
const reply = (task: Promise<string | undefined>): Promise<PageReply> =>
  task.then(
    (token): PageReply => ({ ok: true, ...(token && { token }) }),
    (err: unknown): PageReply =>
      err instanceof WorkerError
        ? {
            ok: false,
            status: err.status,
            code: err.code,
            message: err.message,
            ...(err.retryAfter !== undefined && { retryAfter: err.retryAfter }),
          }
        : { ok: false, status: 0, code: 'failed', message: err instanceof Error ? err.message : String(err) },
  );

type PageHandlers = {
  [T in PageMessage['type']]: (message: Extract<PageMessage, { type: T }>, sender: Sender) => Promise<PageReply>;
};

const PAGE_HANDLERS: PageHandlers = {
  'session-token': ({ stale }) => reply(sessionToken(stale)),
  'session-exchange': ({ code, verifier }) => reply(exchangeCode(code, verifier).then(() => undefined)),
  'fub-sign-in': ({ apiKey }) => reply(signInWithKey(apiKey).then(() => undefined)),
  'sign-out': () => reply(signOut().then(() => undefined)),
  'palette-claim': async ({ nonce }, sender) =>
    (await claimPalette(nonce, sender))
      ? { ok: true }
      : { ok: false, status: 403, code: 'not_opened_here', message: 'This palette was not opened by the shortcut.' },
};

/**
 * The door from the extension's own pages (the panel, the options) to the session the background
 * owns: only this extension, only a page served from its own origin — never a content script, whose
 * sender is the host page — and only messages of the allowlist.
 */
export function onPageMessage(message: unknown, sender: Sender): Promise<PageReply> | undefined {
  if (sender.id !== browser.runtime.id || !sameOrigin(sender.url, browser.runtime.getURL('/'))) return undefined;
  const parsed = PageMessage.safeParse(message);
  if (!parsed.success) return undefined;
  return PAGE_HANDLERS[parsed.data.type](parsed.data as never, sender);
}

/** A tab's context ends with its document: a new page load or a closed tab forgets it. */
export function onTabUpdated(tabId: number, change: Browser.tabs.OnUpdatedInfo): void {
  if (change.status === 'loading' && change.url) void forgetTab(tabId);
}

export const onTabRemoved = (tabId: number): void => {
  void forgetTab(tabId);
  void forgetPalette(tabId);
};
