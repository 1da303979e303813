import fc from 'fast-check';
import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { defineCachedSnapshotItem } from '../../lib/extension/cached-snapshot.ts';
import { SnapshotCache } from '../../lib/extension/snapshot-cache.ts';
import { supersedes } from '../../lib/store/snapshot-order.ts';
import { snapshotOf } from './snapshot-fixture.ts';

beforeEach(() => fakeBrowser.reset());

test('a newer version replaces the cached one, an older one never does', () => {
  expect(supersedes(snapshotOf({ version: 8 }), snapshotOf({ version: 7 }))).toBe(true);
  expect(supersedes(snapshotOf({ version: 6 }), snapshotOf({ version: 7 }))).toBe(false);
  expect(supersedes(snapshotOf({ version: 7 }), null)).toBe(true);
});

test("another member's snapshot replaces the cache whatever its version (a reconnect)", () => {
  expect(
    supersedes(snapshotOf({ version: 2, memberId: 'mem_milo' }), snapshotOf({ version: 9 })),
  ).toBe(true);
});

test('a late poll answer does not overwrite what the stream pushed, but proves the sync time', async () => {
  const cache = new SnapshotCache(defineCachedSnapshotItem());
  await cache.accept(snapshotOf({ version: 7, available: '4568.7' }), '2026-11-02T10:00:05.000Z');
  const late = await cache.accept(
    snapshotOf({ version: 6, available: '4570' }),
    '2026-11-02T10:00:09.000Z',
  );
  expect(late.changed).toBe(false);
  expect(late.cached.snapshot.credits.available).toBe('4568.7');
  expect(late.cached.syncedAt).toBe('2026-11-02T10:00:09.000Z');
});

test('whatever order concurrent answers land in, the highest version stays cached', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 12 }),
      async (versions) => {
        fakeBrowser.reset();
        const cache = new SnapshotCache(defineCachedSnapshotItem());
        // Not awaited one by one: the cache must serialize them itself.
        await Promise.all(
          versions.map((version) =>
            cache.accept(snapshotOf({ version }), '2026-11-02T10:00:00.000Z'),
          ),
        );
        expect((await cache.get())?.snapshot.version).toBe(Math.max(...versions));
      },
    ),
    { numRuns: 40 },
  );
});
