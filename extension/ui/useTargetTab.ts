import { useEffect, useState } from 'react';
import { type Browser, browser } from 'wxt/browser';

/** `?tabId=N` pins the panel to one tab (tests open the panel as a page); otherwise it is null. */
export function pinnedTabId(search: string): number | undefined {
  const value = Number(new URLSearchParams(search).get('tabId'));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** The tab the panel is about: the pinned one, or the active tab of the panel's window as it changes. */
export function useTargetTab(): number | undefined {
  const pinned = pinnedTabId(location.search);
  const [tabId, setTabId] = useState(pinned);

  useEffect(() => {
    if (pinned !== undefined) return;
    let windowId: number | undefined;
    void browser.windows.getCurrent().then(async (win) => {
      windowId = win.id;
      const [active] = await browser.tabs.query({ active: true, windowId: win.id });
      if (active?.id !== undefined) setTabId(active.id);
    });
    const onActivated = (info: Browser.tabs.OnActivatedInfo) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [pinned]);

  return tabId;
}
