import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { takeHandoff } from '../handoff';
import { MENU_ITEMS, onMenuClick } from './menus';
import { onShortcut, PALETTE_COMMAND } from './shortcuts';

const open = vi.fn(async () => {});
const executeScript = vi.fn(async () => []);
const tab = { id: 7, url: 'https://www.zillow.com/homedetails/x/1_zpid/' } as Parameters<typeof onMenuClick>[1];
const click = (menuItemId: string, selectionText?: string) =>
  ({ menuItemId, selectionText, pageUrl: tab?.url, editable: false }) as Parameters<typeof onMenuClick>[0];
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  fakeBrowser.reset();
  open.mockClear();
  executeScript.mockClear();
  Object.assign(browser, { sidePanel: { open }, scripting: { executeScript } });
});

describe('right-click', () => {
  it('offers one entry for a selection, listing entries only on listing sites, and reading any web page', () => {
    expect(MENU_ITEMS.map((m) => m.action)).toEqual(['selection', 'save_listing', 'add_listing_agent', 'read_page']);
    const selection = MENU_ITEMS.find((m) => m.action === 'selection');
    expect(selection?.contexts).toEqual(['selection']);
    // Never on the panel's own page or the browser's pages.
    for (const item of MENU_ITEMS.filter((m) => m.action === 'selection' || m.action === 'read_page'))
      expect(item.documentUrlPatterns).toEqual(['http://*/*', 'https://*/*']);
    for (const item of MENU_ITEMS.filter((m) => m.action === 'save_listing' || m.action === 'add_listing_agent')) {
      expect(item.documentUrlPatterns).toContain('*://*.zillow.com/*');
      expect(item.documentUrlPatterns).not.toContain('*://*.thewiseagent.com/*');
    }
  });

  it('opens the panel on the tab and hands it the selection, read with its line breaks from the page', async () => {
    executeScript.mockResolvedValueOnce([{ result: '  Jane Roe\n512-555-0199  ' }] as never);
    onMenuClick(click('estait-selection', 'Jane Roe512-555-0199'), tab);
    expect(open).toHaveBeenCalledWith({ tabId: 7 });
    await settle();
    // The panel of another tab leaves it for the panel of the tab it came from.
    expect(await takeHandoff(8)).toBeUndefined();
    expect(await takeHandoff(7)).toMatchObject({ action: 'selection', tabId: 7, text: 'Jane Roe\n512-555-0199' });
    // A handoff is taken once.
    expect(await takeHandoff()).toBeUndefined();
  });

  it('falls back to the selection Chrome gives when the page cannot be read', async () => {
    executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    onMenuClick(click('estait-selection', '3341 P St NW Washington, DC'), tab);
    await settle();
    await settle();
    expect(await takeHandoff()).toMatchObject({ action: 'selection', text: '3341 P St NW Washington, DC' });
  });

  it('reads a page of a site Estait does not know, with the access the click granted', async () => {
    const news = { id: 9, url: 'https://news.example/story' } as Parameters<typeof onMenuClick>[1];
    onMenuClick(
      { menuItemId: 'estait-read-page', pageUrl: news?.url, editable: false } as Parameters<typeof onMenuClick>[0],
      news,
    );
    expect(open).toHaveBeenCalledWith({ tabId: 9 });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 9 }, files: ['/content-scripts/page.js'] });
    // Sites it knows are read by their content script already.
    onMenuClick(click('estait-read-page'), tab);
    expect(executeScript).toHaveBeenCalledTimes(1);
  });

  it('ignores clicks on menus it does not own and clicks without a tab', async () => {
    onMenuClick(click('someone-else'), tab);
    onMenuClick(click('estait-selection', 'x'), undefined);
    await settle();
    expect(open).not.toHaveBeenCalled();
    expect(await takeHandoff()).toBeUndefined();
  });
});

describe('the palette shortcut', () => {
  it('puts the palette over the page, with a nonce the page never sees', async () => {
    onShortcut(PALETTE_COMMAND, tab);
    await settle();
    expect(open).not.toHaveBeenCalled();
    expect(executeScript).toHaveBeenCalledWith(
      expect.objectContaining({
        target: { tabId: 7 },
        args: [expect.stringMatching(/palette\.html$/), expect.stringMatching(/^[\w-]{43}$/)],
      }),
    );
  });

  it('opens the panel instead where no script may run, ready for a command', async () => {
    for (const url of [
      'chrome://settings/',
      'https://chromewebstore.google.com/detail/x',
      'https://example.com/disclosures.pdf',
    ]) {
      open.mockClear();
      onShortcut(PALETTE_COMMAND, { ...tab, url } as typeof tab);
      expect(open).toHaveBeenCalledWith({ tabId: 7 });
      await settle();
      expect(await takeHandoff()).toMatchObject({ action: 'open_palette', tabId: 7 });
    }
    expect(executeScript).not.toHaveBeenCalledWith(expect.objectContaining({ func: expect.anything() }));
  });

  it('opens the panel when the page refuses the palette', async () => {
    executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    onShortcut(PALETTE_COMMAND, tab);
    await settle();
    await settle();
    expect(open).toHaveBeenCalledWith({ tabId: 7 });
  });

  it('ignores other commands', () => {
    onShortcut('something-else', tab);
    expect(open).not.toHaveBeenCalled();
  });
});
