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
  /**
   * While a batch of this group waits for its account's lock, it takes each job that arrives
   * (false once it is full); null the rest of the time.
   */
  joining: ((job: Job) => boolean) | null;
}

/** How long an account another node wrote to counts as shared with it. */
const sharedForMs = 1_000;

/**
 * Most turns of the event loop a batch of a shared account waits for its arrivals to settle
 * (on the benchmark's two nodes, 16 against none: 1,307–1,686 → 1,429–1,746 debits/s in five
 * paired runs, each better).
 */
const settleTurns = 16;

/**
 * Group commit: the write jobs that arrive while the previous transaction of their group is
 * busy run together in ONE transaction and share one COMMIT (one fsync, one round trip), in
 * order, each seeing the ones before it (their reads overlap, see job-tx.ts). A job that throws
 * leaves no trace; the others commit. No job's promise settles before its COMMIT is durable, so
 * no answer ever reports a change a crash could lose. Groups: one per account when the store
 * locks per account (PostgreSQL, where the batches of different accounts that wait together
 * share a transaction, see postgres-transactions.ts), else one.
 */
export class GroupCommit {
  private readonly groups = new Map<string, Group>();
  /**
   * Transactions of one group at once: the next batch begins once the previous one has run its
   * jobs, while that one commits, so its reads (and on PostgreSQL its round trips) overlap that
   * commit. On SQLite it reads what the batch before will have written (sqlite-store.ts); on
   * PostgreSQL it waits for the account's lock while that one commits, taking the jobs that
   * arrive meanwhile. When another node writes the same account, its batches alternate with
   * ours on the lock: a second batch of ours would only split this node's arrivals into more,
   * smaller batches, each paying a commit while holding the lock, so then one runs at a time
   * (see `shared`).
   */
  private readonly parallel = 2;
  /** When another node last committed to each account (wall clock, ms), oldest first. */
  private readonly sharedAt = new Map<string, number>();

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
    const name = this.store.batchesPerAccount ? scope : '';
    return new Promise<T>((resolve, reject) => {
      let group = this.groups.get(name);
      if (!group) {
        group = {
          jobs: [],
          running: 0,
          deciding: false,
          scheduled: false,
          joining: null,
        };
        this.groups.set(name, group);
      }
      const job: Job = { work, resolve: resolve as (value: unknown) => void, reject };
      if (group.joining?.(job)) return;
      group.jobs.push(job);
      this.schedule(name, group);
    });
  }

  /**
   * Another node committed a change of `scope`'s account: for a while (`sharedForMs`) this
   * node's batches of it take the lock in turn with that node's.
   */
  shared(scope: string): void {
    const now = this.options.wallClock();
    this.sharedAt.delete(scope);
    this.sharedAt.set(scope, now);
    for (const [name, at] of this.sharedAt) {
      if (now - at < sharedForMs) break;
      this.sharedAt.delete(name);
    }
  }

  private schedule(name: string, group: Group): void {
    if (group.scheduled || !this.mayBegin(name, group)) return;
    group.scheduled = true;
    let arrived = -1;
    let turns = 0;
    const begin = () => {
      // Shared with another node: the lock is asked for once this node's arrivals have
      // settled (a turn of the event loop brought no new job), so that it is not held while
      // this node still reads the requests that will join the batch.
      if (this.isShared(name) && group.jobs.length !== arrived && turns < settleTurns) {
        arrived = group.jobs.length;
        turns += 1;
        setImmediate(begin);
        return;
      }
      group.scheduled = false;
      if (!this.mayBegin(name, group)) return;
      group.running += 1;
      void this.commit(name, group, group.jobs.splice(0, maxBatch)).finally(() => {
        group.running -= 1;
        if (group.running === 0 && group.jobs.length === 0) this.groups.delete(name);
        else this.schedule(name, group);
      });
      this.schedule(name, group);
    };
    setImmediate(begin);
  }

  private isShared(name: string): boolean {
    const heard = this.sharedAt.get(name);
    return heard !== undefined && this.options.wallClock() - heard < sharedForMs;
  }

  private mayBegin(name: string, group: Group): boolean {
    const parallel = this.isShared(name) ? 1 : this.parallel;
    return !group.deciding && group.running < parallel && group.jobs.length > 0;
  }

  private async commit(name: string, group: Group, batch: Job[]): Promise<void> {
    let committed: { results: Settled[]; changes: Changes };
    try {
      committed = await this.store.write(async (storeBatch) => {
        group.deciding = true;
        try {
          return await this.decide(name, group, storeBatch, batch);
        } finally {
          group.deciding = false;
          this.schedule(name, group);
        }
      }, name);
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

  /**
   * Runs the batch's jobs in its transaction; returns what they change and how each ended.
   * Jobs that arrive while the batch waits for its account's lock join it, their reads sent
   * behind the lock: under contention (several nodes on one hot account, whose batches take
   * the lock in turn) every batch takes all that arrived while the others held it, instead of
   * leaving them to a batch of their own that would queue for the lock once more.
   */
  private async decide(name: string, group: Group, storeBatch: StoreBatch, batch: Job[]) {
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
    const locking = name !== '' && name !== operatorScope ? storeBatch.lockAccount(name) : null;
    if (locking) context.locked.set(name, locking);
    const txs: JobTx[] = [];
    const results: Promise<Settled>[] = [];
    let turn: Promise<unknown> = Promise.resolve();
    const start = (job: Job) => {
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
    };
    for (const job of batch) start(job);
    if (locking) {
      group.joining = (job) => {
        if (batch.length >= maxBatch) return false;
        batch.push(job);
        start(job);
        return true;
      };
      // A failed lock fails the whole batch: it is awaited again below, once the jobs are done.
      await locking.catch(() => {});
      group.joining = null;
    }
    const settled = await Promise.all(results);
    await locking;
    // The database failed, not a job: the whole transaction is void (and may be retried).
    const failure = txs.find((tx) => tx.storeFailure !== null);
    if (failure) throw failure.storeFailure;
    return { changes: context.changes, result: { results: settled, changes: context.changes } };
  }
}
