import type { AccountState, Catalog, Instant } from '../../lib/billing/types.ts';
import { type BatchContext, JobTx } from './job-tx.ts';
import { type LedgerTx, operatorScope } from './ledger.ts';
import { type Changes, emptyChanges, mergeChanges, type Store, type StoreBatch } from './store.ts';

interface Job {
  work: (tx: LedgerTx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** How one job's work ended, with the job to answer once the batch is committed. */
type Settled = { job: Job } & ({ ok: true; value: unknown } | { ok: false; error: unknown });

/** Most jobs one transaction takes; the rest go into the next one. */
const maxBatch = 256;

interface Group {
  jobs: Job[];
  /** Transactions of this group under way. */
  running: number;
  /** A batch of this group is running its jobs (it has not sent its writes yet). */
  deciding: boolean;
  /** A batch is about to be taken (after this turn of the event loop, so arrivals group up). */
  scheduled: boolean;
}

/**
 * Group commit: the write jobs that arrive while the previous transaction of their group is
 * busy run together in ONE transaction and share one COMMIT (one fsync, one round trip), in
 * order, each seeing the ones before it (their reads overlap, see job-tx.ts). A job that throws
 * leaves no trace; the others commit. No job's promise settles before its COMMIT is durable, so
 * no answer ever reports a change a crash could lose. Groups: one per account when the store
 * locks per account (PostgreSQL, where groups of different accounts commit in parallel), else one.
 */
export class GroupCommit {
  private readonly groups = new Map<string, Group>();
  /**
   * Transactions of one group at once. On PostgreSQL the next batch begins once the previous
   * one has run its jobs, and waits for the account's lock while that one commits, so its round
   * trips overlap that commit; it takes every job that arrived until then. Beginning it sooner
   * would split the arrivals into more, smaller batches queued on one lock, each paying a
   * commit: with several nodes on one hot account, their batches alternate on the lock, and
   * each node's waiting batch gathers while the others hold it. SQLite's batches read outside
   * their transaction, so they run one at a time.
   */
  private readonly parallel: number;

  constructor(
    private readonly store: Store,
    private readonly options: {
      catalog: Catalog;
      now(): Instant;
      wallClock(): number;
      committed(changes: Changes): void;
    },
  ) {
    this.parallel = store.batchesPerAccount ? 2 : 1;
  }

  run<T>(scope: string, work: (tx: LedgerTx) => Promise<T>): Promise<T> {
    const name = this.store.batchesPerAccount ? scope : '';
    return new Promise<T>((resolve, reject) => {
      let group = this.groups.get(name);
      if (!group) {
        group = { jobs: [], running: 0, deciding: false, scheduled: false };
        this.groups.set(name, group);
      }
      group.jobs.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule(name, group);
    });
  }

  private schedule(name: string, group: Group): void {
    if (group.scheduled || !this.mayBegin(group)) return;
    group.scheduled = true;
    setImmediate(() => {
      group.scheduled = false;
      if (!this.mayBegin(group)) return;
      group.running += 1;
      void this.commit(name, group, group.jobs.splice(0, maxBatch)).finally(() => {
        group.running -= 1;
        if (group.running === 0 && group.jobs.length === 0) this.groups.delete(name);
        else this.schedule(name, group);
      });
      this.schedule(name, group);
    });
  }

  private mayBegin(group: Group): boolean {
    return !group.deciding && group.running < this.parallel && group.jobs.length > 0;
  }

  private async commit(name: string, group: Group, batch: Job[]): Promise<void> {
    let committed: { results: Settled[]; changes: Changes };
    try {
      committed = await this.store.write(async (storeBatch) => {
        group.deciding = true;
        try {
          return await this.decide(name, storeBatch, batch);
        } finally {
          group.deciding = false;
          this.schedule(name, group);
        }
      });
    } catch (error) {
      for (const job of batch) job.reject(error);
      return;
    }
    this.options.committed(committed.changes);
    for (const outcome of committed.results) {
      if (outcome.ok) outcome.job.resolve(outcome.value);
      else outcome.job.reject(outcome.error);
    }
  }

  /** Runs the batch's jobs in its transaction; returns what they change and how each ended. */
  private async decide(group: string, storeBatch: StoreBatch, batch: Job[]) {
    const context: BatchContext = {
      batch: storeBatch,
      locked: new Map<string, Promise<AccountState | null>>(),
      changes: emptyChanges(),
      catalog: this.options.catalog,
      now: this.options.now,
      wallClock: this.options.wallClock,
    };
    // The whole batch is one account's: its lock is asked first, and the jobs' reads go out
    // right behind it, all in one round trip.
    const locking = group !== '' && group !== operatorScope ? storeBatch.lockAccount(group) : null;
    if (locking) {
      context.locked.set(group, locking);
      // Awaited below, once the jobs are done: a failed lock fails the whole batch.
      locking.catch(() => {});
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
          return { job, ok: true, value };
        },
        async (error): Promise<Settled> => {
          await before;
          return { job, ok: false, error };
        },
      );
      txs.push(tx);
      results.push(result);
      turn = result;
    }
    const settled = await Promise.all(results);
    await locking;
    // The database failed, not a job: the whole transaction is void (and may be retried).
    const failure = txs.find((tx) => tx.storeFailure !== null);
    if (failure) throw failure.storeFailure;
    return { changes: context.changes, result: { results: settled, changes: context.changes } };
  }
}
