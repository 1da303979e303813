import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ALERT_NOTICE_PREFIX, alertNotice } from '../lib/extension/alert-notice.ts';
import { apiClientFor, openEventStream } from '../lib/extension/api-link.ts';
import { badgeFor } from '../lib/extension/badge.ts';
import { defineCachedSnapshotItem } from '../lib/extension/cached-snapshot.ts';
import { indexedDbVault } from '../lib/extension/connection-vault.ts';
import { extensionMessages } from '../lib/extension/extension-messages.ts';
import { defineSeenRequestsItem, requestNotice } from '../lib/extension/request-notice.ts';
import { defineSettingsItem } from '../lib/extension/settings-item.ts';
import { SnapshotCache } from '../lib/extension/snapshot-cache.ts';
import { defineSyncStatusItem, SyncEngine } from '../lib/extension/sync-engine.ts';
import { openPopup, showBadge, type ToolbarAction } from '../lib/extension/toolbar.ts';
import { UiPorts } from '../lib/extension/ui-ports.ts';
import {
  createWorker,
  defineCatalogItem,
  POLL_ALARM,
  POLL_MINUTES,
} from '../lib/extension/worker.ts';

// The composition root of the background worker: it wires the parts and registers every
// listener synchronously, so an event that wakes a stopped MV3 worker is never missed.
export default defineBackground(() => {
  const toolbar = (browser.action ?? browser.browserAction) as ToolbarAction | undefined;
  const hub = new UiPorts((count) => engine.setLive(count));
  const seenRequests = defineSeenRequestsItem();
  // The browser's UI language, from the extension's _locales (English where it has none).
  const messages = extensionMessages();
  const engine = new SyncEngine({
    vault: indexedDbVault(),
    cache: new SnapshotCache(defineCachedSnapshotItem()),
    statusItem: defineSyncStatusItem(),
    fetchSnapshot: (connection) => apiClientFor(connection).me(),
    openStream: openEventStream,
    messages,
    alerted: (alert, snapshot) => {
      const notice = alertNotice(alert, snapshot, messages);
      void browser.notifications.create(notice.id, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: notice.title,
        message: notice.message,
      });
    },
    publish: (state) => {
      hub.broadcast({ type: 'state', state });
      void showBadge(toolbar, badgeFor(state, messages));
      void requestNotice(state, seenRequests, messages).then((notice) => {
        if (!notice) return;
        void browser.notifications.create('tally-upgrade-request', {
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title: notice.title,
          message: notice.message,
        });
      });
    },
  });
  const worker = createWorker({
    engine,
    messages,
    hub,
    settingsItem: defineSettingsItem(),
    catalogItem: defineCatalogItem(),
    client: (connection) => apiClientFor(connection),
    identity: { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') },
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void worker.handleMessage(message, sender).then(sendResponse);
    return true; // the answer comes asynchronously
  });
  browser.runtime.onConnect.addListener((port) => worker.handleConnect(port));
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(ALERT_NOTICE_PREFIX)) return;
    void openPopup(toolbar, () =>
      browser.windows.create({
        url: browser.runtime.getURL('/popup.html'),
        type: 'popup',
        width: 400,
        height: 600,
      }),
    );
  });
  browser.alarms.onAlarm.addListener((alarm) => void worker.handleAlarm(alarm.name));

  // An alarm outlives updates: one left with another period (an older version's) is replaced.
  void browser.alarms.get(POLL_ALARM).then((existing) => {
    if (existing?.periodInMinutes !== POLL_MINUTES) {
      void browser.alarms.create(POLL_ALARM, { periodInMinutes: POLL_MINUTES });
    }
  });
  void worker.ready.then(async () => showBadge(toolbar, badgeFor(await engine.state(), messages)));
});
