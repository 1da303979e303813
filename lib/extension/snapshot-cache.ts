import type { Snapshot } from '../api/schemas/snapshot.ts';
import { supersedes } from '../store/snapshot-order.ts';
import type { CachedSnapshot, CachedSnapshotItem } from './cached-snapshot.ts';

/**
 * The worker's one writer of the cached Snapshot. Writes are chained: a stream event and a
 * poll landing together would otherwise both read v5 and the slower one could write v6
 * over v7.
 */
export class SnapshotCache {
  #queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly item: CachedSnapshotItem) {}

  get(): Promise<CachedSnapshot | null> {
    return this.#serial(() => this.item.getValue());
  }

  /** Stores `snapshot` unless a newer one is cached; resolves to what is cached after. */
  accept(
    snapshot: Snapshot,
    syncedAt: string,
  ): Promise<{ cached: CachedSnapshot; changed: boolean }> {
    return this.#serial(async () => {
      const current = await this.item.getValue();
      if (!supersedes(snapshot, current?.snapshot)) {
        // An older answer still proves the server was reachable at `syncedAt`.
        const cached = current as CachedSnapshot;
        const touched = { ...cached, syncedAt: maxInstant(cached.syncedAt, syncedAt) };
        await this.item.setValue(touched);
        return { cached: touched, changed: false };
      }
      const cached = { snapshot, syncedAt };
      await this.item.setValue(cached);
      return { cached, changed: true };
    });
  }

  clear(): Promise<void> {
    return this.#serial(() => this.item.removeValue());
  }

  #serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

function maxInstant(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
