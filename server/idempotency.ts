import { createHash } from 'node:crypto';
import { ApiError } from './errors.ts';
import type { LedgerTx } from './ledger/ledger.ts';

export interface StoredResponse {
  status: number;
  body: unknown;
  /** What a replay answers when it must differ from the first answer (a token shown once). */
  replayBody?: unknown;
  /** `body` as JSON text, when it was serialized already (to be stored): sent as it is. */
  text?: string;
}

/** Keys live at least this long (docs/api.md: ≥ 24 h); older ones are pruned. */
export const keepKeysMs = 24 * 60 * 60 * 1000;

/** What makes two requests "the same": method, path and the parsed body. */
export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${JSON.stringify(body ?? null)}`)
    .digest('hex');
}

/**
 * Idempotency-Key handling (docs/api.md). `run` is called inside the ledger's write transaction, so
 * the first response is stored in the same commit as the change it describes: after a crash
 * either both are there (a retry replays) or neither (a retry applies once).
 */
export class IdempotencyStore {
  private readonly inFlight = new Set<string>();

  /**
   * Replays the stored response of (scope, key), refuses a different request under it, or runs
   * `produce` and stores its response. `produce` must not throw for an answer worth keeping:
   * a thrown error rolls its work back and stores nothing.
   */
  async run(
    tx: LedgerTx,
    scope: string,
    key: string,
    hash: string,
    produce: () => Promise<StoredResponse>,
  ): Promise<StoredResponse> {
    const stored = await tx.storedAnswer(scope, key);
    if (stored) {
      if (stored.requestHash !== hash) {
        throw new ApiError(
          'idempotency_conflict',
          'This Idempotency-Key was already used for a different request',
        );
      }
      // As it was first sent, byte for byte.
      return { status: stored.status, body: stored.body, text: stored.text };
    }
    // Work under one scope runs one job at a time, so a second request normally sees the first
    // one's answer; the marker keeps 409 honest should two ever overlap on this node.
    const marker = `${scope}\u0000${key}`;
    if (this.inFlight.has(marker)) {
      throw new ApiError(
        'idempotency_in_flight',
        'A request with this Idempotency-Key is still running',
      );
    }
    this.inFlight.add(marker);
    try {
      const response = await produce();
      const kept = response.replayBody ?? response.body;
      // Serialized once: the same text is stored and, unless a replay differs, sent.
      const text = JSON.stringify(kept);
      tx.storeAnswer(scope, key, { requestHash: hash, status: response.status, body: kept, text });
      return response.replayBody === undefined ? { ...response, text } : response;
    } finally {
      this.inFlight.delete(marker);
    }
  }
}
