import { Worker } from 'node:worker_threads';
import type { AccountState, Hold, Role } from '../../lib/billing/types.ts';
import {
  type Charge,
  CursorError,
  type Entry,
  type Member,
  type Page,
  type PageRequest,
  type Range,
  type UpgradeRequest,
  type UpgradeRequestFilter,
  type UsageRow,
} from '../ledger/ledger.ts';
import {
  type AnswerRow,
  type ChargeRow,
  chargeFromRow,
  type EntryRow,
  entryFromRow,
  type MemberRow,
  memberFromRow,
  storedAnswer,
  type UpgradeRequestRow,
  type UsageSourceRow,
  upgradeRequestFromRow,
  usageFromRow,
} from '../ledger/rows.ts';
import {
  answerKey,
  type Changes,
  type DeliveryLookup,
  paged,
  type Store,
  type StoreBatch,
} from '../ledger/store.ts';
import { AnswerKeys } from './answer-keys.ts';
import type { Db } from './open.ts';
import { sqliteWrites, type Write } from './sqlite-writes.ts';

/** Old answers deleted per transaction of a prune, oldest first: 50 ms or so with its fsync. */
const answersPerPrune = 2000;
const pruneAnswers = `DELETE FROM idempotency_keys WHERE rowid IN
  (SELECT rowid FROM idempotency_keys WHERE created_at < ? ORDER BY created_at LIMIT ?)`;

type WriteReply =
  | { id: number; ok: true; changes: number; keys?: Uint8Array }
  | { id: number; ok: false; message: string };

/** A DeliveryLookup as SQLite answers it: 0 or 1. */
type DeliveryFlags = { [flag in keyof DeliveryLookup]: number };

/**
 * The ledger's store in one SQLite file, written by this process alone. A batch reads without
 * a transaction (here, on the event loop) and hands all its changes to a writer thread
 * (sqlite-write-worker.ts), which commits them in one transaction: the fsync never stops the
 * server from reading the next requests meanwhile. Nor does it stop the next batch: batches
 * decide one at a time, and one may decide while the one before commits. Its reads see what
 * the batches in flight will have written (`inFlight`, newest first), and the writer commits
 * in order. Should a commit fail, a later batch that read what it wrote fails too: its account
 * update is guarded by the version it read.
 */
export class SqliteStore implements Store {
  readonly batchesPerAccount = false;
  private readonly sql;
  private readonly batch: StoreBatch;
  private readonly writer: Worker;
  private readonly waiting = new Map<number, (reply: WriteReply) => void>();
  private nextWrite = 0;
  /** The number each statement has on the writer thread. */
  private readonly statements = new Map<string, number>();
  /** The changes sent to the writer and not yet committed (or failed), oldest first. */
  private readonly inFlight: { changes: Changes; done: Promise<unknown> }[] = [];
  /** The keys of the answers in the file, so that a new key is not looked for there. */
  private readonly answerKeys = new AnswerKeys();
  /** The map of the keys the writer is building, if it is. */
  private mapping: Promise<void> | null = null;
  /** A map asked for while one is under way (which may have read keys pruned since) follows it. */
  private nextMapping: Promise<void> | null = null;
  /** Why the writer thread has exited, once it has: a write then fails at once with it. */
  private stopped: string | null = null;
  /** `close()` was called: the writer's stop is no surprise. */
  private closing = false;

  /** `db` is the file at `path`, opened (and migrated) on this thread for reading. */
  constructor(
    private readonly db: Db,
    path: string,
  ) {
    this.sql = {
      loadState: db.prepare<[string], { state: string }>('SELECT state FROM accounts WHERE id = ?'),
      countAccounts: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM accounts'),
      webhookDelivery: db.prepare<[{ endpoint: string; event: string }], DeliveryFlags>(
        `SELECT
           EXISTS (SELECT 1 FROM webhook_endpoints WHERE id = @endpoint AND deleted_at IS NULL)
             AS endpoint,
           EXISTS (SELECT 1 FROM webhook_deliveries
             WHERE endpoint_id = @endpoint AND event_id = @event) AS delivery`,
      ),
      memberByHash: db.prepare<[string], MemberRow>(
        'SELECT id, account_id, name, role FROM members WHERE token_hash = ? AND removed_at IS NULL',
      ),
      members: db.prepare<[string], { id: string; name: string; role: Role }>(
        `SELECT id, name, role FROM members WHERE account_id = ? AND removed_at IS NULL
         ORDER BY created_at, id`,
      ),
      // NULL names no filter: one statement for every combination of member and status.
      upgradeRequests: db.prepare<
        [{ account: string; member: string | null; status: string | null }],
        UpgradeRequestRow
      >(
        `SELECT * FROM upgrade_requests WHERE account_id = @account
           AND (@member IS NULL OR member_id = @member) AND (@status IS NULL OR status = @status)
         ORDER BY at DESC, id`,
      ),
      usageRows: db.prepare<
        [{ account: string; from: string; to: string; member: string | null }],
        UsageSourceRow
      >(
        `SELECT e.at, e.member_id, e.operation, e.quantity, e.credits, h.credits AS held,
           e.overage_credits, e.amount_usd
         FROM entries e LEFT JOIN entries h
           ON h.account_id = e.account_id AND h.hold_id = e.hold_id AND h.kind = 'hold'
         WHERE e.account_id = @account AND e.kind IN ('usage', 'capture')
           AND e.at >= @from AND e.at < @to AND (@member IS NULL OR e.member_id = @member)
         ORDER BY e.seq`,
      ),
      findHold: db.prepare<[string, string], { hold: string }>(
        'SELECT hold FROM holds WHERE account_id = ? AND id = ?',
      ),
      findAnswer: db.prepare<[string, string], AnswerRow>(
        'SELECT request_hash, status, body FROM idempotency_keys WHERE scope = ? AND key = ?',
      ),
      entrySeq: db.prepare<[string, string], { seq: number }>(
        'SELECT seq FROM entries WHERE account_id = ? AND id = ?',
      ),
      entriesPage: db.prepare<[string, number, number], EntryRow>(
        'SELECT * FROM entries WHERE account_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?',
      ),
      chargeSeq: db.prepare<[string, string], { seq: number }>(
        'SELECT seq FROM charges WHERE account_id = ? AND id = ?',
      ),
      chargesPage: db.prepare<[string, number, number], ChargeRow>(
        'SELECT * FROM charges WHERE account_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?',
      ),
    };
    // A batch's reads: accounts, holds and answers as the batches in flight leave them; the rare
    // reads of members, upgrade requests and the account count wait until those have committed.
    this.batch = {
      lockAccount: async (accountId) =>
        this.pending((changes) => changes.accounts.get(accountId)?.state) ?? this.state(accountId),
      findHold: async (accountId, holdId) =>
        this.pending((changes) => {
          const found = changes.holds.get(holdId);
          return found?.accountId === accountId ? found.hold : undefined;
        }) ?? this.findHold(accountId, holdId),
      findAnswer: async (scope, key) => {
        const pending = this.pending((changes) => changes.answers.get(answerKey(scope, key)));
        if (pending) return pending;
        if (!this.answerKeys.mayHave(scope, key)) return null;
        const row = this.sql.findAnswer.get(scope, key);
        return row ? storedAnswer(row) : null;
      },
      noAccounts: async () => {
        await this.committed();
        return this.sql.countAccounts.get()?.n === 0;
      },
      webhookDelivery: async (endpoint, event) => {
        await this.committed();
        const found = this.sql.webhookDelivery.get({ endpoint, event });
        return { endpoint: found?.endpoint === 1, delivery: found?.delivery === 1 };
      },
      members: async (accountId) => {
        await this.committed();
        return this.members(accountId);
      },
      upgradeRequests: async (accountId, filter) => {
        await this.committed();
        return this.upgradeRequests(accountId, filter);
      },
      // As committed: what it is asked for (the pace's past days) no batch in flight writes.
      usageRows: (accountId, range) => this.usageRows(accountId, range),
    };
    this.writer = new Worker(new URL('./sqlite-write-worker.mjs', import.meta.url), {
      workerData: { path },
    });
    this.writer.on('message', (reply: WriteReply) => {
      this.waiting.get(reply.id)?.(reply);
      this.waiting.delete(reply.id);
    });
    this.writer.on('error', (error) => this.failWaiting(`SQLite writer: ${error.message}`));
    this.writer.on('exit', (code) => {
      this.stopped = this.closing
        ? 'The SQLite writer has stopped (the store is closed)'
        : `The SQLite writer stopped (exit code ${code})`;
      this.failWaiting(this.stopped);
    });
    this.mapKeys();
  }

  async write<T>(work: (batch: StoreBatch) => Promise<{ changes: Changes; result: T }>) {
    const { changes, result } = await work(this.batch);
    const done = this.commit(sqliteWrites(changes));
    const flight = { changes, done };
    this.inFlight.push(flight);
    try {
      await done;
      for (const { scope, key } of changes.answers.values()) this.answerKeys.add(scope, key);
    } finally {
      this.inFlight.splice(this.inFlight.indexOf(flight), 1);
    }
    return result;
  }

  /** What the newest batch in flight that `pick`s something from its changes left there. */
  private pending<T>(pick: (changes: Changes) => T | undefined): T | undefined {
    for (let i = this.inFlight.length - 1; i >= 0; i--) {
      const found = pick((this.inFlight[i] as { changes: Changes }).changes);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** Resolves once every batch in flight now has committed or failed. */
  private async committed(): Promise<void> {
    await Promise.allSettled(this.inFlight.map(({ done }) => done));
  }

  /**
   * Commits `writes` in one transaction on the writer thread (the webhook sender's too); answers
   * how many rows they changed. Each statement's text crosses to the thread once; after that,
   * its number does.
   */
  async commit(writes: Write[]): Promise<number> {
    const statements: [number, string][] = [];
    const sent = writes.map(({ sql, params, expectOne }) => {
      let number = this.statements.get(sql);
      if (number === undefined) {
        number = this.statements.size;
        this.statements.set(sql, number);
        statements.push([number, sql]);
      }
      return expectOne === undefined ? [number, params] : [number, params, expectOne];
    });
    return (await this.ask((id) => ({ id, statements, writes: sent }))).changes;
  }

  /** Posts the message `compose` makes with a new id to the writer; resolves with its reply. */
  private async ask(compose: (id: number) => object) {
    if (this.stopped !== null) throw new Error(this.stopped);
    const id = this.nextWrite++;
    const reply = await new Promise<WriteReply>((resolve) => {
      this.waiting.set(id, resolve);
      this.writer.postMessage(compose(id));
    });
    if (!reply.ok) throw new Error(reply.message);
    return reply;
  }

  /** Every write still waiting for the writer fails with `message`: nothing waits forever. */
  private failWaiting(message: string): void {
    const failed: WriteReply = { id: -1, ok: false, message };
    for (const settle of this.waiting.values()) settle(failed);
    this.waiting.clear();
  }

  /**
   * Has the writer thread map the file's keys (answer-keys.ts); if it is at it already, once more
   * after that. The server goes on meanwhile: until the first map arrives each key is looked for
   * in the file.
   */
  private mapKeys(): Promise<void> {
    if (this.mapping) {
      this.nextMapping ??= this.mapping.then(() => {
        this.nextMapping = null;
        return this.mapKeys();
      });
      return this.nextMapping;
    }
    this.mapping = (async () => {
      this.answerKeys.mapping();
      try {
        const { keys } = await this.ask((id) => ({ id, mapKeys: true }));
        if (keys) this.answerKeys.replace(keys);
      } catch (error) {
        this.answerKeys.notMapped();
        if (this.stopped === null)
          console.error(
            'Could not map the idempotency keys (each is looked for in the file):',
            error,
          );
      } finally {
        this.mapping = null;
      }
    })();
    return this.mapping;
  }

  async loadAccount(accountId: string): Promise<AccountState | null> {
    return this.state(accountId);
  }

  async memberByTokenHash(tokenHash: string): Promise<Member | null> {
    const row = this.sql.memberByHash.get(tokenHash);
    return row ? memberFromRow(row) : null;
  }

  async members(accountId: string): Promise<Member[]> {
    return this.sql.members.all(accountId).map((row) => ({ ...row, accountId }));
  }

  async upgradeRequests(
    accountId: string,
    filter: UpgradeRequestFilter,
  ): Promise<UpgradeRequest[]> {
    const rows = this.sql.upgradeRequests.all({
      account: accountId,
      member: filter.memberId ?? null,
      status: filter.status ?? null,
    });
    return rows.map(upgradeRequestFromRow);
  }

  async usageRows(accountId: string, range: Range, memberId?: string): Promise<UsageRow[]> {
    const rows = this.sql.usageRows.all({
      account: accountId,
      from: range.from,
      to: range.to,
      member: memberId ?? null,
    });
    return rows.map(usageFromRow);
  }

  async findHold(accountId: string, holdId: string): Promise<Hold | null> {
    const row = this.sql.findHold.get(accountId, holdId);
    return row ? (JSON.parse(row.hold) as Hold) : null;
  }

  async entriesPage(accountId: string, page: PageRequest): Promise<Page<Entry>> {
    const from = this.cursor(page.before, (id) => this.sql.entrySeq.get(accountId, id));
    const rows = this.sql.entriesPage.all(accountId, from, page.limit + 1);
    return paged(rows.map(entryFromRow), page.limit);
  }

  async chargesPage(accountId: string, page: PageRequest): Promise<Page<Charge>> {
    const from = this.cursor(page.before, (id) => this.sql.chargeSeq.get(accountId, id));
    const rows = this.sql.chargesPage.all(accountId, from, page.limit + 1);
    return paged(rows.map(chargeFromRow), page.limit);
  }

  /**
   * On the writer thread, in turn with the batches, a few thousand keys per transaction: this
   * thread never waits for the file's write lock, the deletes' fsyncs stay off the event loop
   * like every commit's, and the batches that come meanwhile commit between them. The writer
   * then maps the keys that are left.
   */
  async pruneAnswers(before: number): Promise<number> {
    let pruned = 0;
    try {
      for (;;) {
        const deleted = await this.commit([
          { sql: pruneAnswers, params: [before, answersPerPrune] },
        ]);
        pruned += deleted;
        if (deleted < answersPerPrune) return pruned;
      }
    } finally {
      // Also when a delete failed (a lock held elsewhere past the busy timeout) after others.
      if (pruned > 0) await this.mapKeys();
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.writer.terminate();
    if (this.db.open) this.db.close();
  }

  private state(accountId: string): AccountState | null {
    const row = this.sql.loadState.get(accountId);
    return row ? (JSON.parse(row.state) as AccountState) : null;
  }

  private cursor(before: string | undefined, find: (id: string) => { seq: number } | undefined) {
    if (before === undefined) return Number.MAX_SAFE_INTEGER;
    const row = find(before);
    if (!row) throw new CursorError(`"before" names nothing of this account: ${before}`);
    return row.seq;
  }
}
