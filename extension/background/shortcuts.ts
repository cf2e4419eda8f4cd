import { type Browser, browser } from 'wxt/browser';
import { saveHandoff } from '../handoff';
import { readTab } from '../read-tab';
import { isKnownSite } from '../sites';

export const PALETTE_COMMAND = 'open-palette';

/** The palette shortcut brings up Estait on the current tab with the command box focused. */
export function onShortcut(command: string, tab?: Browser.tabs.Tab): void {
  if (command !== PALETTE_COMMAND || tab?.id === undefined) return;
  void browser.sidePanel.open({ tabId: tab.id });
  void saveHandoff({ action: 'open_palette', tabId: tab.id, url: tab.url, at: Date.now() });
  // The shortcut granted activeTab, so the page in front of the agent can be read wherever it is.
  if (!isKnownSite(tab.url)) void readTab(tab.id);
}
