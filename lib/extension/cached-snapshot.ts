import { storage } from 'wxt/utils/storage';
import type { Snapshot } from '../api/schemas/snapshot.ts';

/** The last Snapshot the worker accepted, and when it was fetched from the server. */
export interface CachedSnapshot {
  snapshot: Snapshot;
  /** ISO instant of the successful sync that produced it. */
  syncedAt: string;
}

/**
 * Version 1 stored the bare Snapshot; version 2 wraps it with the time it was synced, so the
 * UI can say "last synced …" after the worker restarts. A v1 value was synced no earlier
 * than its `asOf`, the best stand-in we have.
 */
function migrateSnapshotV1(value: Snapshot): CachedSnapshot {
  return { snapshot: value, syncedAt: value.asOf };
}

/** Version 3: Snapshots gained `upgradeRequests`; one cached before it counted none open. */
function migrateSnapshotV2(value: CachedSnapshot): CachedSnapshot {
  const snapshot = value.snapshot as Omit<Snapshot, 'upgradeRequests'> &
    Partial<Pick<Snapshot, 'upgradeRequests'>>;
  return {
    ...value,
    snapshot: { ...snapshot, upgradeRequests: snapshot.upgradeRequests ?? { open: 0 } },
  };
}

/**
 * Version 4: Snapshots gained `insight` and `alerts`; one cached before them has no pace yet
 * (the next sync brings it) and the default thresholds, none fired.
 */
function migrateSnapshotV3(value: CachedSnapshot): CachedSnapshot {
  const snapshot = value.snapshot as Omit<Snapshot, 'insight' | 'alerts'> &
    Partial<Pick<Snapshot, 'insight' | 'alerts'>>;
  return {
    ...value,
    snapshot: {
      ...snapshot,
      insight: snapshot.insight ?? {
        pacePerDay: null,
        runsOutAt: null,
        projectedCredits: null,
        advice: null,
      },
      alerts: snapshot.alerts ?? { thresholds: [20, 5], fired: [] },
    },
  };
}

export const CACHED_SNAPSHOT_VERSION = 4;

/** Defines the storage item; a factory so a test can define it after seeding old data. */
export function defineCachedSnapshotItem() {
  return storage.defineItem<CachedSnapshot | null>('local:snapshot', {
    fallback: null,
    version: CACHED_SNAPSHOT_VERSION,
    migrations: { 2: migrateSnapshotV1, 3: migrateSnapshotV2, 4: migrateSnapshotV3 },
  });
}

export type CachedSnapshotItem = ReturnType<typeof defineCachedSnapshotItem>;
