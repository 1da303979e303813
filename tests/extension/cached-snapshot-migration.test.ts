import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  CACHED_SNAPSHOT_VERSION,
  defineCachedSnapshotItem,
} from '../../lib/extension/cached-snapshot.ts';
import { snapshotOf } from './snapshot-fixture.ts';

beforeEach(() => fakeBrowser.reset());

test('a v1 cache (the bare Snapshot) migrates to v2 with its asOf as the sync time', async () => {
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

test('a v2 cache is read as it is, and an empty one reads as null', async () => {
  const item = defineCachedSnapshotItem();
  expect(await item.getValue()).toBeNull();
  const cached = { snapshot: snapshotOf({ version: 3 }), syncedAt: '2026-11-02T10:00:07.000Z' };
  await item.setValue(cached);
  expect(await defineCachedSnapshotItem().getValue()).toEqual(cached);
});
