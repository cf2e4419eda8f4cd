import { type Browser, browser } from 'wxt/browser';
import { type Handoff, saveHandoff } from '../handoff';
import { readTab } from '../read-tab';
import { isKnownSite, LISTING_MATCHES } from '../sites';

type MenuItem = Browser.contextMenus.CreateProperties & { id: string; action: Handoff['action'] | 'read_page' };

/** Web pages only: not the panel, the options page or the browser's own pages. */
const WEB_PAGES = ['http://*/*', 'https://*/*'];

export const MENU_ITEMS: MenuItem[] = [
  // One entry for any selection: the panel reads it as what it is (a lead, a contact, an address).
  {
    id: 'estait-selection',
    action: 'selection',
    title: 'Add “%s” to Estait…',
    contexts: ['selection'],
    documentUrlPatterns: WEB_PAGES,
  },
  {
    id: 'estait-save-listing',
    action: 'save_listing',
    title: 'Save this listing to a contact…',
    contexts: ['page'],
    documentUrlPatterns: LISTING_MATCHES,
  },
  {
    id: 'estait-add-listing-agent',
    action: 'add_listing_agent',
    title: 'Add this listing’s agent to CRM',
    contexts: ['page'],
    documentUrlPatterns: LISTING_MATCHES,
  },
  {
    id: 'estait-read-page',
    action: 'read_page',
    title: 'Read this page with Estait',
    contexts: ['page'],
    documentUrlPatterns: WEB_PAGES,
  },
];

export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  for (const { action: _action, ...item } of MENU_ITEMS) browser.contextMenus.create(item);
}

/** Opens the panel for the tab and hands it what was clicked. */
export function onMenuClick(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): void {
  const item = MENU_ITEMS.find((m) => m.id === info.menuItemId);
  if (!item || tab?.id === undefined) return;
  // sidePanel.open needs the user gesture, which ends at the first await: call it first.
  void browser.sidePanel.open({ tabId: tab.id });
  if (item.action === 'read_page') {
    // The click granted activeTab: sites Estait does not read by itself can be read now.
    if (!isKnownSite(tab.url ?? info.pageUrl)) void readTab(tab.id);
    return;
  }
  const { action } = item;
  const tabId = tab.id;
  void selectedText(tabId, info).then((text) =>
    saveHandoff({ action, tabId, text: text?.trim().slice(0, 2000) || undefined, url: info.pageUrl, at: Date.now() }),
  );
}

/**
 * The selection with its line breaks, read in the page (the click granted activeTab): Chrome's
 * `selectionText` joins the lines of an address or a signature with nothing between them.
 */
async function selectedText(tabId: number, info: Browser.contextMenus.OnClickData): Promise<string | undefined> {
  if (!info.selectionText) return undefined;
  try {
    const [frame] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [info.frameId ?? 0] },
      func: () => globalThis.getSelection?.()?.toString(),
    });
    const text = frame?.result;
    return typeof text === 'string' && text.trim() ? text : info.selectionText;
  } catch {
    return info.selectionText;
  }
}
