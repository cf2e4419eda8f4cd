import { browser } from 'wxt/browser';
import { ownSession } from '../extension/api/session';
import { createMenus, onMenuClick } from '../extension/background/menus';
import { ensureOutboxAlarm, onAlarm } from '../extension/background/outbox-alarm';
import { onPaletteMessage } from '../extension/background/palette-store';
import { onContentMessage, onPageMessage, onTabRemoved, onTabUpdated } from '../extension/background/router';
import * as session from '../extension/background/session';
import { onSettingsChanged } from '../extension/background/settings-watch';
import { onShortcut } from '../extension/background/shortcuts';

export default defineBackground(() => {
  // The background owns the session: its own calls (the outbox) use it directly, the pages ask by message.
  ownSession(session);
  // Listeners are registered synchronously so a woken service worker sees the event that woke it.
  browser.runtime.onInstalled.addListener(() => {
    void createMenus();
    void session.adoptLegacySession();
  });
  browser.runtime.onMessage.addListener(onContentMessage);
  browser.runtime.onMessage.addListener(onPageMessage);
  browser.runtime.onMessage.addListener(onPaletteMessage);
  browser.contextMenus.onClicked.addListener(onMenuClick);
  browser.commands.onCommand.addListener(onShortcut);
  browser.tabs.onUpdated.addListener(onTabUpdated);
  browser.tabs.onRemoved.addListener(onTabRemoved);
  browser.alarms.onAlarm.addListener(onAlarm);
  browser.storage.onChanged.addListener(onSettingsChanged);
  void ensureOutboxAlarm();
  void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
});
