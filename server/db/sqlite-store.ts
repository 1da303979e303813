import type Database from 'better-sqlite3';
import type { AccountState, Hold, Role } from '../../lib/billing/types.ts';
import {
  type Charge,
  CursorError,
  type Entry,
  type Member,
  type Page,
  type PageRequest,
} from '../ledger/ledger.ts';
import { type ChargeRow, chargeFromRow, type EntryRow, entryFromRow } from '../ledger/rows.ts';
import { type Changes, paged, type Store, type StoreBatch } from '../ledger/store.ts';
import type { Db } from './open.ts';

/**
 * The ledger's store in one SQLite file, written by this process alone. The group commit runs
 * one batch at a time, so a batch reads without a transaction and writes all its changes in one
 * `BEGIN IMMEDIATE` transaction (one fsync); the version guard on each account update refuses a
 * change made meanwhile by anything else.
 */
export class SqliteStore implements Store {
  readonly batchesPerAccount = false;
  private readonly sql;
  private readonly batch: StoreBatch;
  private readonly flush: Database.Transaction<(changes: Changes) => void>;

  constructor(private readonly db: Db) {
    this.sql = {
      loadState: db.prepare<[string], { state: string }>('SELECT state FROM accounts WHERE id = ?'),
      countAccounts: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM accounts'),
      insertAccount: db.prepare(
        'INSERT INTO accounts (id, name, state, version, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      updateAccount: db.prepare(
        'UPDATE accounts SET state = ?, version = ? WHERE id = ? AND version = ?',
      ),
      insertMember: db.prepare(
        'INSERT INTO members (id, account_id, name, role, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      memberByHash: db.prepare<
        [string],
        { id: string; account_id: string; name: string; role: Role }
      >('SELECT id, account_id, name, role FROM members WHERE token_hash = ?'),
      members: db.prepare<[string], { id: string; name: string; role: Role }>(
        'SELECT id, name, role FROM members WHERE account_id = ? ORDER BY created_at, id',
      ),
      insertEntry: db.prepare(
        `INSERT INTO entries (id, account_id, at, kind, member_id, operation, quantity, hold_id,
           credits, overage_credits, amount_usd, available_after, description)
         VALUES (@id, @accountId, @at, @kind, @memberId, @operation, @quantity, @holdId,
           @credits, @overageCredits, @amountUsd, @availableAfter, @description)`,
      ),
      insertCharge: db.prepare(
        `INSERT INTO charges (id, account_id, at, kind, amount_usd, description, entry_id)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      upsertHold: db.prepare(
        `INSERT INTO holds (id, account_id, status, hold) VALUES (?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET status = excluded.status, hold = excluded.hold
         WHERE holds.account_id = excluded.account_id`,
      ),
      findHold: db.prepare<[string, string], { hold: string }>(
        'SELECT hold FROM holds WHERE account_id = ? AND id = ?',
      ),
      findAnswer: db.prepare<
        [string, string],
        { request_hash: string; status: number; body: string }
      >('SELECT request_hash, status, body FROM idempotency_keys WHERE scope = ? AND key = ?'),
      insertAnswer: db.prepare(
        'INSERT INTO idempotency_keys (scope, key, request_hash, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      pruneAnswers: db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?'),
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
    this.batch = {
      lockAccount: async (accountId) => this.state(accountId),
      findHold: (accountId, holdId) => this.findHold(accountId, holdId),
      findAnswer: async (scope, key) => {
        const row = this.sql.findAnswer.get(scope, key);
        return row
          ? { requestHash: row.request_hash, status: row.status, body: JSON.parse(row.body) }
          : null;
      },
      noAccounts: async () => this.sql.countAccounts.get()?.n === 0,
    };
    this.flush = db.transaction((changes: Changes) => this.writeChanges(changes));
  }

  async write<T>(work: (batch: StoreBatch) => Promise<{ changes: Changes; result: T }>) {
    const { changes, result } = await work(this.batch);
    this.flush.immediate(changes);
    return result;
  }

  async loadAccount(accountId: string): Promise<AccountState | null> {
    return this.state(accountId);
  }

  async memberByTokenHash(tokenHash: string): Promise<Member | null> {
    const row = this.sql.memberByHash.get(tokenHash);
    return row ? { id: row.id, accountId: row.account_id, name: row.name, role: row.role } : null;
  }

  async members(accountId: string): Promise<Member[]> {
    return this.sql.members.all(accountId).map((row) => ({ ...row, accountId }));
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

  async pruneAnswers(before: number): Promise<number> {
    return this.sql.pruneAnswers.run(before).changes;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private state(accountId: string): AccountState | null {
    const row = this.sql.loadState.get(accountId);
    return row ? (JSON.parse(row.state) as AccountState) : null;
  }

  private writeChanges(changes: Changes): void {
    for (const [id, account] of changes.accounts) {
      const state = JSON.stringify(account.state);
      if (account.before === null) {
        this.sql.insertAccount.run(
          id,
          account.name,
          state,
          account.state.version,
          account.createdAt,
        );
      } else if (
        this.sql.updateAccount.run(state, account.state.version, id, account.before).changes !== 1
      ) {
        throw new Error(`Account ${id} changed under this transaction`);
      }
    }
    for (const { member, tokenHash, createdAt } of changes.members) {
      this.sql.insertMember.run(
        member.id,
        member.accountId,
        member.name,
        member.role,
        tokenHash,
        createdAt,
      );
    }
    for (const entry of changes.entries) {
      this.sql.insertEntry.run({
        ...entry,
        operation: entry.operation ?? null,
        quantity: entry.quantity ?? null,
        holdId: entry.holdId ?? null,
      });
    }
    for (const charge of changes.charges) {
      this.sql.insertCharge.run(
        charge.id,
        charge.accountId,
        charge.at,
        charge.kind,
        charge.amountUsd,
        charge.description,
        charge.entryId ?? null,
      );
    }
    for (const { accountId, hold } of changes.holds.values()) {
      this.sql.upsertHold.run(hold.id, accountId, hold.status, JSON.stringify(hold));
    }
    for (const answer of changes.answers.values()) {
      this.sql.insertAnswer.run(
        answer.scope,
        answer.key,
        answer.requestHash,
        answer.status,
        JSON.stringify(answer.body),
        answer.createdAt,
      );
    }
  }

  private cursor(before: string | undefined, find: (id: string) => { seq: number } | undefined) {
    if (before === undefined) return Number.MAX_SAFE_INTEGER;
    const row = find(before);
    if (!row) throw new CursorError(`"before" names nothing of this account: ${before}`);
    return row.seq;
  }
}
