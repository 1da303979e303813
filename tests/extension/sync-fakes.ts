import { vi } from 'vitest';
import { ApiError, NetworkError } from '../../lib/api/errors.ts';
import type { Snapshot } from '../../lib/api/schemas/snapshot.ts';
import { defineCachedSnapshotItem } from '../../lib/extension/cached-snapshot.ts';
import type { Connection, ConnectionVault } from '../../lib/extension/connection-vault.ts';
import type { PublicState } from '../../lib/extension/public-state.ts';
import { SnapshotCache } from '../../lib/extension/snapshot-cache.ts';
import {
  defineSyncStatusItem,
  type StreamHandlers,
  SyncEngine,
} from '../../lib/extension/sync-engine.ts';
import { english } from '../support/english.ts';

/** The vault's contract in memory: IndexedDB is a browser part, tested end to end. */
export function memoryVault(initial: Connection | null = null): ConnectionVault {
  let stored = initial;
  return {
    load: async () => stored,
    save: async (connection) => {
      stored = { ...connection };
    },
    clear: async () => {
      stored = null;
    },
  };
}

export const offline = () => new NetworkError('fetch failed');
export const refused = () => new ApiError(401, 'unauthorized', 'Unknown token.');

/** A SyncEngine over WXT's fake storage, a scripted server and a controllable stream. */
export function engineWith(
  options: { vault?: ConnectionVault; answers?: Array<Snapshot | Error> } = {},
) {
  const answers = options.answers ?? [];
  const fetchSnapshot = vi.fn(async (_connection: Connection) => {
    const next = answers.shift();
    if (!next) throw new Error('no scripted answer left');
    if (next instanceof Error) throw next;
    return next;
  });
  const streams: Array<StreamHandlers & { closed: boolean }> = [];
  const published: PublicState[] = [];
  const engine = new SyncEngine({
    vault: options.vault ?? memoryVault({ baseUrl: 'http://127.0.0.1:8787', token: 'tly_secret' }),
    cache: new SnapshotCache(defineCachedSnapshotItem()),
    statusItem: defineSyncStatusItem(),
    fetchSnapshot,
    openStream: (_connection, handlers) => {
      const stream = { ...handlers, closed: false };
      streams.push(stream);
      return () => {
        stream.closed = true;
      };
    },
    publish: (state) => published.push(state),
    messages: english,
    now: () => new Date(Date.now()),
    // Full jitter at its midpoint: retries after 1 s, 2 s, 4 s.
    retry: { retries: Number.POSITIVE_INFINITY, baseMs: 2000, maxMs: 16_000 },
    random: () => 0.5,
  });
  return { engine, answers, fetchSnapshot, streams, published, last: () => published.at(-1) };
}
