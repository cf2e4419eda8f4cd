import { browser } from 'wxt/browser';
import { createMenus, onMenuClick } from '../extension/background/menus';
import { ensureOutboxAlarm, onAlarm } from '../extension/background/outbox-alarm';
import { onContentMessage, onTabRemoved, onTabUpdated } from '../extension/background/router';
import { onShortcut } from '../extension/background/shortcuts';

export default defineBackground(() => {
  // Listeners are registered synchronously so a woken service worker sees the event that woke it.
  browser.runtime.onInstalled.addListener(() => void createMenus());
  browser.runtime.onMessage.addListener(onContentMessage);
  browser.contextMenus.onClicked.addListener(onMenuClick);
  browser.commands.onCommand.addListener(onShortcut);
  browser.tabs.onUpdated.addListener(onTabUpdated);
  browser.tabs.onRemoved.addListener(onTabRemoved);
  browser.alarms.onAlarm.addListener(onAlarm);
  void ensureOutboxAlarm();
  void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
});
