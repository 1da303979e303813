// A worker wired as the background does, over fake browser storage and a fake API client
// (the real client is exercised end to end in tests/e2e); senders as Chrome describes them.
import { vi } from 'vitest';
import { defineSettingsItem } from '../../lib/extension/settings-item.ts';
import { UiPorts } from '../../lib/extension/ui-ports.ts';
import { createWorker, defineCatalogItem } from '../../lib/extension/worker.ts';
import { english } from '../support/english.ts';
import { snapshotOf } from './snapshot-fixture.ts';
import { engineWith } from './sync-fakes.ts';

export const popup = { id: 'tallyid', url: 'chrome-extension://tallyid/popup.html' };
export const editorTab = { id: 'tallyid', url: 'http://127.0.0.1:8787/editor', tab: { id: 3 } };
export const otherSite = { id: 'tallyid', url: 'https://shop.example/', tab: { id: 4 } };

type FakeClient = Record<
  'catalog' | 'previewPlanChange' | 'changePlan' | 'setOveragePolicy' | 'ledger' | 'usageSummary',
  ReturnType<typeof vi.fn>
>;

/** A worker whose API client answers with `answers` (each method a vi.fn). */
export function workerWith(answers: Partial<FakeClient> = {}) {
  const { engine, fetchSnapshot } = engineWith({ answers: [snapshotOf({ version: 2 })] });
  const client: FakeClient = {
    catalog: vi.fn(),
    previewPlanChange: vi.fn(),
    changePlan: vi.fn(),
    setOveragePolicy: vi.fn(),
    ledger: vi.fn(),
    usageSummary: vi.fn(),
    ...answers,
  };
  const worker = createWorker({
    engine,
    messages: english,
    hub: new UiPorts((count) => engine.setLive(count)),
    settingsItem: defineSettingsItem(),
    catalogItem: defineCatalogItem(),
    client: () => client as never,
    identity: { extensionId: 'tallyid', extensionOrigin: 'chrome-extension://tallyid/' },
  });
  return { worker, client, engine, fetchSnapshot };
}
