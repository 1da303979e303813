import { storage } from 'wxt/utils/storage';
import type { SyncStatus } from '../store/credit-source.ts';

/** The last sync outcome, kept so a restarted worker (and the first paint) tells the truth. */
export interface StoredSyncStatus {
  status: SyncStatus;
  error?: string;
}

export function defineSyncStatusItem() {
  return storage.defineItem<StoredSyncStatus | null>('local:sync-status', { fallback: null });
}

export type SyncStatusItem = ReturnType<typeof defineSyncStatusItem>;
