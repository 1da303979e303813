import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  CACHED_SNAPSHOT_VERSION,
  defineCachedSnapshotItem,
} from '../../lib/extension/cached-snapshot.ts';
import { snapshotOf } from './snapshot-fixture.ts';

beforeEach(() => fakeBrowser.reset());

/** A Snapshot as servers sent it before upgrade requests existed. */
function withoutUpgradeRequests() {
  const { upgradeRequests: _, ...before } = snapshotOf({ version: 12, available: '370' });
  return before;
}

test('a v1 cache (the bare Snapshot) migrates with its asOf as the sync time', async () => {
  const v1 = snapshotOf({ version: 12, available: '370' });
  // What a v1 extension left behind: the value, and no version metadata (WXT reads that as 1).
  await fakeBrowser.storage.local.set({ snapshot: v1 });

  const item = defineCachedSnapshotItem();
  const migrated = await item.getValue();

  expect(migrated).toEqual({ snapshot: v1, syncedAt: v1.asOf });
  const stored = await fakeBrowser.storage.local.get(['snapshot', 'snapshot$']);
  expect(stored.snapshot$).toEqual({ v: CACHED_SNAPSHOT_VERSION });
  expect(stored.snapshot).toEqual({ snapshot: v1, syncedAt: v1.asOf });
});

test('a v2 cache, from before upgrade requests, reads as none open', async () => {
  const v2 = { snapshot: withoutUpgradeRequests(), syncedAt: '2026-11-02T10:00:07.000Z' };
  await fakeBrowser.storage.local.set({ snapshot: v2, snapshot$: { v: 2 } });
  const migrated = await defineCachedSnapshotItem().getValue();
  expect(migrated?.snapshot.upgradeRequests).toEqual({ open: 0 });
  expect(migrated?.snapshot.credits.available).toBe('370');
});

test('a v3 cache, from before insight and alerts, reads as no pace yet and the default thresholds', async () => {
  const { insight: _, alerts: __, ...before } = snapshotOf({ version: 12, available: '370' });
  const v3 = { snapshot: before, syncedAt: '2026-11-02T10:00:07.000Z' };
  await fakeBrowser.storage.local.set({ snapshot: v3, snapshot$: { v: 3 } });
  const migrated = await defineCachedSnapshotItem().getValue();
  expect(migrated?.snapshot.insight).toEqual({
    pacePerDay: null,
    runsOutAt: null,
    projectedCredits: null,
    advice: null,
  });
  expect(migrated?.snapshot.alerts).toEqual({ thresholds: [20, 5], fired: [] });
});

test('a v4 cache is read as it is, and an empty one reads as null', async () => {
  const item = defineCachedSnapshotItem();
  expect(await item.getValue()).toBeNull();
  const cached = { snapshot: snapshotOf({ version: 3 }), syncedAt: '2026-11-02T10:00:07.000Z' };
  await item.setValue(cached);
  expect(await defineCachedSnapshotItem().getValue()).toEqual(cached);
});
