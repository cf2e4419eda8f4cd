import { type Browser, browser } from 'wxt/browser';
import { saveHandoff } from '../handoff';
import { readTab } from '../read-tab';
import { isKnownSite } from '../sites';
import { canHostPalette, openPalette } from './palette';

export const PALETTE_COMMAND = 'open-palette';

/**
 * The palette shortcut puts the command palette over the page in front of the agent. Where no
 * script may run, the side panel opens with its command box focused instead.
 */
export function onShortcut(command: string, tab?: Browser.tabs.Tab): void {
  if (command !== PALETTE_COMMAND || tab?.id === undefined) return;
  const tabId = tab.id;
  // The shortcut granted activeTab, so the page in front of the agent can be read wherever it is.
  if (!isKnownSite(tab.url)) void readTab(tabId);
  if (canHostPalette(tab.url)) {
    void openPalette(tabId).catch(() => openPanel(tabId, tab.url));
    return;
  }
  openPanel(tabId, tab.url);
}

/** sidePanel.open needs the shortcut's gesture: called before any await where it can be. */
function openPanel(tabId: number, url: string | undefined): void {
  void browser.sidePanel.open({ tabId }).catch(() => undefined);
  void saveHandoff({ action: 'open_palette', tabId, url, at: Date.now() });
}
