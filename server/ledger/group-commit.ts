import type { AccountState, Catalog, Instant } from '../../lib/billing/types.ts';
import { type BatchContext, JobTx } from './job-tx.ts';
import { type LedgerTx, operatorScope } from './ledger.ts';
import { type Changes, emptyChanges, mergeChanges, type Store } from './store.ts';

interface Job {
  work: (tx: LedgerTx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Most jobs one transaction takes; the rest go into the next one. */
const maxBatch = 256;

/**
 * Group commit: the write jobs that arrive while the previous transaction of their group is
 * busy run together in ONE transaction and share one COMMIT (one fsync, one round trip),
 * in order, each seeing the ones before it (their reads overlap, see job-tx.ts). A job that throws leaves no trace; the
 * others commit. No job's promise settles before its COMMIT is durable, so no answer ever
 * reports a change a crash could lose. Groups: one per account when the store locks per
 * account (PostgreSQL, where groups of different accounts commit in parallel), else one.
 */
export class GroupCommit {
  private readonly queues = new Map<string, Job[]>();

  constructor(
    private readonly store: Store,
    private readonly options: {
      catalog: Catalog;
      now(): Instant;
      wallClock(): number;
      committed(changes: Changes): void;
    },
  ) {}

  run<T>(scope: string, work: (tx: LedgerTx) => Promise<T>): Promise<T> {
    const group = this.store.batchesPerAccount ? scope : '';
    return new Promise<T>((resolve, reject) => {
      const job: Job = { work, resolve: resolve as (value: unknown) => void, reject };
      const queue = this.queues.get(group);
      if (queue) {
        queue.push(job);
        return;
      }
      this.queues.set(group, [job]);
      setImmediate(() => this.drain(group));
    });
  }

  /** Commits the group's queue, batch after batch, until it is empty. */
  private async drain(group: string): Promise<void> {
    for (;;) {
      const queue = this.queues.get(group);
      if (!queue || queue.length === 0) {
        this.queues.delete(group);
        return;
      }
      await this.commit(group, queue.splice(0, maxBatch));
    }
  }

  private async commit(group: string, batch: Job[]): Promise<void> {
    let committed: { results: Settled[]; changes: Changes };
    try {
      committed = await this.store.write(async (storeBatch) => {
        const context: BatchContext = {
          batch: storeBatch,
          locked: new Map<string, AccountState>(),
          changes: emptyChanges(),
          catalog: this.options.catalog,
          now: this.options.now,
          wallClock: this.options.wallClock,
        };
        if (group !== '' && group !== operatorScope) {
          // The whole batch is one account's: lock it first, and every job may read at once.
          const state = await storeBatch.lockAccount(group);
          if (state) context.locked.set(group, state);
        }
        const txs: JobTx[] = [];
        const results: Promise<Settled>[] = [];
        let turn: Promise<unknown> = Promise.resolve();
        for (const job of batch) {
          const tx = new JobTx(context, turn);
          const before = turn;
          const result = job.work(tx).then(
            async (value): Promise<Settled> => {
              await before;
              mergeChanges(context.changes, tx.changes);
              return { ok: true, value };
            },
            async (error): Promise<Settled> => {
              await before;
              return { ok: false, error };
            },
          );
          txs.push(tx);
          results.push(result);
          turn = result;
        }
        const settled = await Promise.all(results);
        // The database failed, not a job: the whole transaction is void (and may be retried).
        const failure = txs.find((tx) => tx.storeFailure !== null);
        if (failure) throw failure.storeFailure;
        return { changes: context.changes, result: { results: settled, changes: context.changes } };
      });
    } catch (error) {
      for (const job of batch) job.reject(error);
      return;
    }
    this.options.committed(committed.changes);
    batch.forEach((job, i) => {
      const outcome = committed.results[i]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }
}
