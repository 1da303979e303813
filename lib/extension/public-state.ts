import type { Snapshot } from '../api/schemas/snapshot.ts';
import type { SyncStatus } from '../store/credit-source.ts';

/**
 * What the worker tells any UI, popup or content script alike. It never holds the token:
 * the content script lives beside the page's scripts.
 */
export interface PublicState {
  /** 'unconfigured' before Connect, 'unauthorized' when the token was refused ("reconnect"). */
  status: SyncStatus;
  snapshot: Snapshot | null;
  /** When the server last confirmed `snapshot`. */
  syncedAt: string | null;
  /** Why the last sync failed, in words a person reads. */
  error?: string;
  /** The billing API the worker is connected to (not a secret). */
  baseUrl: string | null;
}
