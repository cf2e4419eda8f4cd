import { browser } from 'wxt/browser';

/** The page reader's bundle, the same one the manifest runs on the sites it knows. */
const READER_SCRIPT = '/content-scripts/page.js';

/**
 * Runs the page reader on a tab of a site Estait does not read by itself. It works where the agent
 * has given this tab to Estait (toolbar button, right-click, shortcut: activeTab); returns false
 * when Chrome refuses.
 */
export async function readTab(tabId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [READER_SCRIPT] });
    return true;
  } catch {
    return false;
  }
}
