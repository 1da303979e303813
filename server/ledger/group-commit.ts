import type { Db } from '../db/open.ts';

interface Job {
  fn: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Most jobs one transaction takes; the rest go into the next one. */
const maxBatch = 256;

/**
 * Group commit: the write jobs that arrive during one turn of the event loop run in ONE
 * `BEGIN IMMEDIATE` transaction, each inside its own savepoint (a job that throws is rolled
 * back alone), and share one COMMIT — one fsync under synchronous=FULL instead of one per job.
 * No job's promise settles before its COMMIT is durable, so no answer ever reports a change a
 * crash could lose.
 */
export class GroupCommit {
  private queue: Job[] = [];
  private scheduled = false;
  private readonly sql;

  constructor(
    private readonly db: Db,
    /** Called around each job so the ledger can drop the change notices of a rolled-back job. */
    private readonly hooks: {
      beforeJob(): void;
      jobFailed(): void;
      committed(): void;
      rolledBack(): void;
    },
  ) {
    // Prepared once: these run for every job.
    this.sql = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      savepoint: db.prepare('SAVEPOINT job'),
      release: db.prepare('RELEASE job'),
      rollbackTo: db.prepare('ROLLBACK TO job'),
      commit: db.prepare('COMMIT'),
    };
  }

  run<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const batch = this.queue.splice(0, maxBatch);
    this.scheduled = this.queue.length > 0;
    if (this.scheduled) setImmediate(() => this.flush());
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.sql.begin.run();
    } catch (error) {
      for (const job of batch) job.reject(error);
      return;
    }
    for (const job of batch) {
      this.sql.savepoint.run();
      this.hooks.beforeJob();
      try {
        const value = job.fn();
        this.sql.release.run();
        outcomes.push({ ok: true, value });
      } catch (error) {
        this.sql.rollbackTo.run();
        this.sql.release.run();
        this.hooks.jobFailed();
        outcomes.push({ ok: false, error });
      }
    }
    try {
      this.sql.commit.run();
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.hooks.rolledBack();
      for (const job of batch) job.reject(error);
      return;
    }
    this.hooks.committed();
    batch.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }
}
