import { type Browser, browser } from 'wxt/browser';
import { ContentMessage } from '../messages';
import { forgetTab, savePageContext } from '../page-store';

type Sender = Browser.runtime.MessageSender;
type Handlers = {
  [T in ContentMessage['type']]: (message: Extract<ContentMessage, { type: T }>, tabId: number) => Promise<unknown>;
};

const HANDLERS: Handlers = {
  'page-context': ({ context }, tabId) => savePageContext(tabId, context),
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

/** A tab's context ends with its document: a new page load or a closed tab forgets it. */
export function onTabUpdated(tabId: number, change: Browser.tabs.OnUpdatedInfo): void {
  if (change.status === 'loading' && change.url) void forgetTab(tabId);
}

export const onTabRemoved = (tabId: number): void => void forgetTab(tabId);
