import { createHash } from 'node:crypto';
import type { Db } from './db/open.ts';
import { ApiError } from './errors.ts';

export interface StoredResponse {
  status: number;
  body: unknown;
  /** What a replay answers when it must differ from the first answer (a token shown once). */
  replayBody?: unknown;
}

/** Keys live at least this long (API.md: ≥ 24 h); older ones are pruned. */
export const keepKeysMs = 24 * 60 * 60 * 1000;

/** What makes two requests "the same": method, path and the parsed body. */
export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${JSON.stringify(body ?? null)}`)
    .digest('hex');
}

/**
 * Idempotency-Key handling (API.md). `run` is called inside the ledger's write transaction, so
 * the first response is stored in the same commit as the change it describes: after a crash
 * either both are there (a retry replays) or neither (a retry applies once).
 */
export class IdempotencyStore {
  private readonly inFlight = new Set<string>();
  private readonly find;
  private readonly insert;
  private readonly pruneOlder;

  constructor(
    db: Db,
    private readonly wallClock: () => number = Date.now,
  ) {
    this.find = db.prepare<
      [string, string],
      { request_hash: string; status: number; body: string }
    >('SELECT request_hash, status, body FROM idempotency_keys WHERE scope = ? AND key = ?');
    this.insert = db.prepare(
      'INSERT INTO idempotency_keys (scope, key, request_hash, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.pruneOlder = db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?');
  }

  /**
   * Replays the stored response of (scope, key), refuses a different request under it, or runs
   * `produce` and stores its response. `produce` must not throw for an answer worth keeping:
   * a thrown error rolls the whole transaction back and stores nothing.
   */
  run(scope: string, key: string, hash: string, produce: () => StoredResponse): StoredResponse {
    const stored = this.find.get(scope, key);
    if (stored) {
      if (stored.request_hash !== hash) {
        throw new ApiError(
          'idempotency_conflict',
          'This Idempotency-Key was already used for a different request',
        );
      }
      return { status: stored.status, body: JSON.parse(stored.body) };
    }
    // The ledger step is synchronous, so in one process a second request sees either nothing or
    // the finished response; the marker keeps 409 honest for a store that would await.
    const marker = `${scope}\u0000${key}`;
    if (this.inFlight.has(marker)) {
      throw new ApiError(
        'idempotency_in_flight',
        'A request with this Idempotency-Key is still running',
      );
    }
    this.inFlight.add(marker);
    try {
      const response = produce();
      this.insert.run(
        scope,
        key,
        hash,
        response.status,
        JSON.stringify(response.replayBody ?? response.body),
        this.wallClock(),
      );
      return response;
    } finally {
      this.inFlight.delete(marker);
    }
  }

  /** Forgets keys older than `keepKeysMs`; returns how many. */
  prune(): number {
    return this.pruneOlder.run(this.wallClock() - keepKeysMs).changes;
  }
}
