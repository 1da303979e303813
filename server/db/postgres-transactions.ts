import type { ReservedSql, Sql } from 'postgres';
import type { AccountState, Hold } from '../../lib/billing/types.ts';
import type { StoredAnswer } from '../ledger/ledger.ts';
import { type AnswerRow, storedAnswer } from '../ledger/rows.ts';
import {
  type Changes,
  type DeliveryLookup,
  emptyChanges,
  mergeChanges,
  type StoreBatch,
} from '../ledger/store.ts';
import { answeredInOrder, connectionLost, errorCode, fromServer } from './postgres-errors.ts';
import type { ChangeNotices } from './postgres-notices.ts';
import { findHold, members, upgradeRequests, usageRows } from './postgres-reads.ts';
import { writeChanges } from './postgres-writes.ts';

/** One batch's work (group-commit.ts): reads through its batch, returns what to write. */
type Work<T> = (batch: StoreBatch) => Promise<{ changes: Changes; result: T }>;

interface Waiting {
  work: Work<unknown>;
  /** The batch's group: its account (or the operator's scope). */
  group: string;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}

/** Transient failures that a new attempt of the whole transaction resolves. */
const retryable = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '23505', // unique_violation: another node recorded the same operator key first
]);

const maxAttempts = 8;

/** Two nodes opening an empty database both ask "any accounts?": this lock makes one wait. */
const seedLock = 7_361_002;

/** Most transactions of this node under way at once; batches that come meanwhile wait. */
const transactionsAtOnce = 2;

/** Most batches one transaction takes. */
const batchesAtOnce = 64;

/**
 * How long a transaction the node runs in turn waits for any lock while it runs its batches
 * (`SET LOCAL lock_timeout`, reset before its writes) before it gives up and its batches go on
 * alone: a node that stalls while it holds an account (a network partition, a pause) then holds
 * up that account's writes, not every other one.
 */
const lockWait = '200ms';

/**
 * How long a node asks what became of a transaction whose connection was lost after its
 * COMMIT went out: a little longer than PostgreSQL lets the node's session sit idle in a
 * transaction (postgres-store.ts), after which it is aborted if it never got the COMMIT.
 */
const fateWaitMs = 12_000;

/** lock_not_available: the locks were not granted within `lockWait`. */
const lockTimedOut = '55P03';

/**
 * How a transaction runs: in the node's turn (the next one waits while it runs its batches),
 * alone, or alone on a lock another node keeps; only that last one waits for its locks
 * longer than `lockWait`.
 */
type Lane = 'turn' | 'alone' | 'kept';

/** Two batches of one transaction touched the same account or key: each must run alone. */
class OverlapError extends Error {}

/**
 * The connection failed after the COMMIT was sent, and PostgreSQL could not tell in time
 * whether the transaction committed (or the failure was not the connection's): it must not
 * run again.
 */
class OutcomeUnknown extends Error {
  constructor(readonly error: unknown) {
    super('The connection failed after COMMIT was sent', { cause: error });
  }
}

/**
 * The node's write transactions. Group commit (group-commit.ts) makes one batch per account;
 * the batches that wait here while the node's transaction runs its batches then go together
 * into the next one, one of each account: one round trip for their locks and reads, one for
 * their writes, one COMMIT. Debits spread over many accounts so pay one commit (one WAL flush,
 * one NOTIFY) per transaction instead of one each, which matters most because notifying
 * commits follow each other through their flush (postgres-notices.ts).
 *
 * A transaction locks the accounts its batches are for in one statement, in the order of their
 * ids, as every transaction of every node does: two of them can wait for each other only over
 * an account a batch locks later (a rare operator change of another account); the deadlock is
 * then retried. Until it sends its writes it waits `lockWait` at most for any lock. When one
 * does not come in time, when two of its batches touch one account, or when one of them
 * fails, the transaction rolls back and each batch runs again alone, outside the node's turn;
 * one whose locks do not come in time again waits for them as long as it takes, on at most half
 * the node's connections. A batch's failure, or accounts another node keeps locked (however
 * many), then hold up only their own jobs.
 */
export class Transactions {
  private waiting: Waiting[] = [];
  private running = 0;
  /** The groups of the running transactions' batches, each with how many. */
  private readonly held = new Map<string, number>();
  /** Transactions running their batches (they have not sent their writes yet). */
  private deciding = 0;
  private readonly atOnce: number;
  /** Half the node's connections at most wait for locks another node keeps. */
  private readonly kept: Slots;

  constructor(
    private readonly sql: Sql,
    private readonly notices: ChangeNotices,
    poolSize: number,
  ) {
    this.atOnce = Math.min(transactionsAtOnce, poolSize);
    this.kept = new Slots(Math.max(1, Math.floor(poolSize / 2)));
  }

  write<T>(work: Work<T>, group: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiting = { work, group, resolve: resolve as (result: unknown) => void, reject };
      this.waiting.push(waiting);
      this.next();
    });
  }

  /**
   * Begins a transaction with what waits, unless one is still running its batches. While one
   * commits, the next begins only when each waiting batch is of an account that one holds (a
   * hot account): its lock and reads then queue behind that commit and save a round trip.
   * Any other batch waits for the commit, and then goes with all that came meanwhile: fewer,
   * larger transactions, where many small ones would each pay a commit.
   */
  private next(): void {
    while (this.deciding === 0 && this.running < this.atOnce && this.waiting.length > 0) {
      const together = this.takeable();
      if (this.running > 0 && !together.every(({ group }) => this.held.has(group))) return;
      const taken = new Set(together);
      this.waiting = this.waiting.filter((waiting) => !taken.has(waiting));
      for (const { group } of together) this.held.set(group, (this.held.get(group) ?? 0) + 1);
      this.running += 1;
      void this.settle(together).finally(() => {
        for (const { group } of together) {
          const left = (this.held.get(group) ?? 1) - 1;
          if (left === 0) this.held.delete(group);
          else this.held.set(group, left);
        }
        this.running -= 1;
        this.next();
      });
    }
  }

  /** The first waiting batch of each group, oldest first: a second one waits for the next. */
  private takeable(): Waiting[] {
    const groups = new Set<string>();
    const together: Waiting[] = [];
    for (const waiting of this.waiting) {
      if (together.length === batchesAtOnce) break;
      if (groups.has(waiting.group)) continue;
      groups.add(waiting.group);
      together.push(waiting);
    }
    return together;
  }

  private async settle(together: Waiting[]): Promise<void> {
    try {
      const results = await this.retried(
        together.map(({ work }) => work),
        'turn',
      );
      for (const [i, { resolve }] of together.entries()) resolve(results[i]);
    } catch (error) {
      const again =
        !(error instanceof OutcomeUnknown) &&
        (together.length > 1 || errorCode(error) === lockTimedOut);
      if (!again) {
        for (const { reject } of together) reject(unwrapped(error));
        return;
      }
      // Each again, alone; this slot is free for the next transaction meanwhile.
      for (const waiting of together) void this.alone(waiting);
    }
  }

  /**
   * A batch again in a transaction of its own. When its locks do not come within `lockWait`
   * either, another node keeps them: the batch then waits as long as it takes, on one of the
   * connections such waits may hold, so batches of the accounts nobody keeps still find one.
   */
  private async alone({ work, resolve, reject }: Waiting): Promise<void> {
    try {
      const [result] = await this.retried([work], 'alone').catch((error: unknown) => {
        if (errorCode(error) !== lockTimedOut) throw error;
        return this.kept.run(() => this.retried([work], 'kept'));
      });
      resolve(result);
    } catch (error) {
      reject(unwrapped(error));
    }
  }

  private async retried(works: Work<unknown>[], lane: Lane): Promise<unknown[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.transaction(works, lane);
      } catch (error) {
        const again = retryable.has(errorCode(error)) || connectionLost(error);
        if (attempt >= maxAttempts || !again) throw error;
        // Apart again at random, so two nodes that collided do not collide again in step.
        await new Promise((done) => setTimeout(done, Math.random() * 5 * attempt));
      }
    }
  }

  /**
   * Whether the transaction `xid`, whose connection was lost after its COMMIT went out,
   * committed: asked on another connection until it is no longer in progress (a session cut off
   * without COMMIT ends after idle_in_transaction_session_timeout); null when that cannot be
   * told in time.
   */
  private async fateOf(xid: string): Promise<'committed' | 'aborted' | null> {
    const deadline = Date.now() + fateWaitMs;
    while (Date.now() < deadline) {
      try {
        const [row] = await this.sql<{ status: string | null }[]>`
          SELECT pg_xact_status(${xid}::xid8) AS status`;
        if (row?.status === 'committed' || row?.status === 'aborted') return row.status;
      } catch {
        // The database is out of reach too: ask again until the deadline.
      }
      await new Promise((done) => setTimeout(done, 20));
    }
    return null;
  }

  /**
   * One transaction on a connection of its own, its statements pipelined: BEGIN goes out with
   * the accounts' lock and the batches' first reads behind it, and COMMIT right behind their
   * writes. The batches so hold their accounts' locks for two round trips (the lock with the
   * reads, then the writes with the commit). A write that fails aborts the transaction on the
   * server, and the COMMIT behind it then rolls back.
   */
  private async transaction(works: Work<unknown>[], lane: Lane): Promise<unknown[]> {
    if (lane === 'turn') this.deciding += 1;
    let decided = lane !== 'turn';
    let commitSent = false;
    const decide = () => {
      if (decided) return;
      decided = true;
      this.deciding -= 1;
      this.next();
    };
    const connection = await this.sql.reserve().catch((error: unknown) => {
      decide();
      throw error;
    });
    let xid: string | null = null;
    let results: unknown[] = [];
    try {
      const begun = connection`BEGIN`.execute();
      // Its id, known before the COMMIT goes out: should the connection be lost after that,
      // PostgreSQL still tells whether it committed.
      const id = connection<{ xid: string }[]>`SELECT pg_current_xact_id()::text AS xid`.execute();
      const bounded =
        lane !== 'kept'
          ? connection.unsafe(`SET LOCAL lock_timeout = '${lockWait}'`).execute()
          : null;
      // Awaited with the writes; a failure before them is the transaction's anyway.
      for (const statement of [begun, bounded, id]) statement?.catch(() => {});
      const locks = new AccountLocks(connection);
      // Each batch asks for its account's lock before it awaits anything; the lock goes out
      // once they all have, and every read behind it.
      const running = works.map((work) => work(locks.batch()));
      locks.send();
      const done = await Promise.allSettled(running);
      const outcomes = done.map((outcome) => {
        if (outcome.status === 'rejected') throw outcome.reason;
        return outcome.value;
      });
      results = outcomes.map(({ result }) => result);
      xid = (await id)[0]?.xid ?? null;
      locks.checkDisjoint();
      const changes = merged(outcomes.map((outcome) => outcome.changes));
      const writes = [
        begun,
        // The writes and the COMMIT wait as long as they must (RESET: to the session's own).
        ...(bounded ? [bounded, connection`RESET lock_timeout`.execute()] : []),
        writeChanges(connection, changes),
        this.notices.send(connection, changes),
      ];
      decide();
      commitSent = true;
      await answeredInOrder([...writes, connection`COMMIT`.execute()]);
      return results;
    } catch (error) {
      await connection`ROLLBACK`.catch(() => {});
      if (!commitSent || fromServer(error)) throw error;
      const fate = xid !== null && connectionLost(error) ? await this.fateOf(xid) : null;
      if (fate === 'committed') return results;
      // Rolled back, on a lost connection: the work runs again.
      if (fate === 'aborted') throw error;
      throw new OutcomeUnknown(error);
    } finally {
      decide();
      connection.release();
    }
  }
}

function unwrapped(error: unknown): unknown {
  return error instanceof OutcomeUnknown ? error.error : error;
}

/**
 * The changes of a transaction's batches as one. They are of different accounts; should two
 * all the same write one account, key, hold or request, one would overwrite the other.
 */
function merged(all: Changes[]): Changes {
  const [only] = all;
  if (all.length === 1 && only) return only;
  const changes = emptyChanges();
  for (const one of all) mergeChanges(changes, one);
  const keyed = (pick: (changes: Changes) => Map<string, unknown>) =>
    pick(changes).size === all.reduce((n, one) => n + pick(one).size, 0);
  const distinct =
    keyed(({ accounts }) => accounts) &&
    keyed(({ answers }) => answers) &&
    keyed(({ holds }) => holds) &&
    keyed(({ upgradeRequests }) => upgradeRequests);
  if (!distinct) throw new OverlapError('Two batches of one transaction wrote the same row');
  return changes;
}

/**
 * The accounts a transaction's batches lock: the ones asked before `send` in one statement,
 * ordered by id; any asked later one at a time. Each batch's reads go out behind that
 * statement, so they run under its locks.
 */
class AccountLocks {
  private readonly asked = new Set<string>();
  private readonly lockedBy: Set<string>[] = [];
  private sent = false;
  private release!: () => void;
  private readonly gate = new Promise<void>((open) => {
    this.release = open;
  });
  private rows: Promise<Map<string, AccountState>> = Promise.resolve(new Map());

  constructor(private readonly tx: ReservedSql) {}

  send(): void {
    this.sent = true;
    const ids = [...this.asked];
    if (ids.length > 0) {
      const locking = this.tx<{ id: string; state: AccountState }[]>`
        SELECT id, state FROM accounts WHERE id = ANY(${ids}::text[])
        ORDER BY id FOR NO KEY UPDATE`.execute();
      this.rows = locking.then((rows) => new Map(rows.map(({ id, state }) => [id, state])));
      // Every batch waits for its own account, and the transaction fails with it.
      this.rows.catch(() => {});
    }
    this.release();
  }

  /** Throws when two batches locked one account: their changes could not both be written. */
  checkDisjoint(): void {
    if (this.lockedBy.length < 2) return;
    const seen = new Set<string>();
    for (const locked of this.lockedBy) {
      for (const id of locked) {
        if (seen.has(id)) throw new OverlapError(`Two batches locked account ${id}`);
        seen.add(id);
      }
    }
  }

  /** A batch's reads, all on this transaction's connection. */
  batch(): StoreBatch {
    const tx = this.tx;
    const locked = new Set<string>();
    this.lockedBy.push(locked);
    const behindLock = async <T>(read: () => Promise<T>): Promise<T> => {
      await this.gate;
      return read();
    };
    return {
      lockAccount: (accountId) => {
        locked.add(accountId);
        if (!this.sent) {
          this.asked.add(accountId);
          return this.gate.then(() => this.rows).then((rows) => rows.get(accountId) ?? null);
        }
        return behindLock(async () => {
          const [row] = await tx<{ state: AccountState }[]>`
            SELECT state FROM accounts WHERE id = ${accountId} FOR NO KEY UPDATE`.execute();
          return row?.state ?? null;
        });
      },
      findHold: (accountId, holdId): Promise<Hold | null> =>
        behindLock(() => findHold(tx, accountId, holdId)),
      members: (accountId) => behindLock(() => members(tx, accountId)),
      upgradeRequests: (accountId, filter) =>
        behindLock(() => upgradeRequests(tx, accountId, filter)),
      usageRows: (accountId, range) => behindLock(() => usageRows(tx, accountId, range)),
      findAnswer: (scope, key) =>
        behindLock(async (): Promise<StoredAnswer | null> => {
          const [row] = await tx<AnswerRow[]>`
            SELECT request_hash, status, body FROM idempotency_keys
            WHERE scope = ${scope} AND key = ${key}`.execute();
          return row ? storedAnswer(row) : null;
        }),
      noAccounts: () =>
        behindLock(async () => {
          await tx`SELECT pg_advisory_xact_lock(${seedLock})`.execute();
          const [row] = await tx<{ empty: boolean }[]>`
            SELECT NOT EXISTS (SELECT 1 FROM accounts) AS empty`.execute();
          return row?.empty ?? true;
        }),
      webhookDelivery: (endpointId, eventId) =>
        behindLock(async () => {
          const [row] = await tx<DeliveryLookup[]>`
            SELECT
              EXISTS (SELECT 1 FROM webhook_endpoints
                WHERE id = ${endpointId} AND deleted_at IS NULL) AS endpoint,
              EXISTS (SELECT 1 FROM webhook_deliveries
                WHERE endpoint_id = ${endpointId} AND event_id = ${eventId}) AS delivery`.execute();
          return row ?? { endpoint: false, delivery: false };
        }),
    };
  }
}

/** Runs at most `size` tasks at once; the others wait, in the order they came. */
class Slots {
  private free: number;
  private readonly queue: (() => void)[] = [];

  constructor(size: number) {
    this.free = size;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((go) => this.queue.push(go));
    try {
      return await task();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.free += 1;
    }
  }
}
