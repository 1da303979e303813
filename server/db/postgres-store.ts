import postgres, { type Sql } from 'postgres';
import type { AccountState, Hold, Role } from '../../lib/billing/types.ts';
import {
  type Charge,
  CursorError,
  type Entry,
  type Member,
  type Page,
  type PageRequest,
  type Range,
  type StoredAnswer,
  type UpgradeRequestFilter,
  type UsageRow,
} from '../ledger/ledger.ts';
import {
  type AnswerRow,
  type ChargeRow,
  chargeFromRow,
  type EntryRow,
  entryFromRow,
  storedAnswer,
  type UpgradeRequestRow,
  type UsageSourceRow,
  upgradeRequestFromRow,
  usageFromRow,
} from '../ledger/rows.ts';
import {
  type Changes,
  paged,
  type RemoteChange,
  type Store,
  type StoreBatch,
} from '../ledger/store.ts';
import { PostgresOutbox } from '../webhooks/postgres-outbox.ts';
import { migratePostgres } from './postgres-migrations.ts';
import { ChangeNotices } from './postgres-notices.ts';
import { writeChanges } from './postgres-writes.ts';

/** Old answers deleted per transaction of a prune. */
const answersPerPrune = 5000;
/** Two nodes opening an empty database both ask "any accounts?": this lock makes one wait. */
const seedLock = 7_361_002;

/** Transient failures that a new attempt of the whole transaction resolves. */
const retryable = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '23505', // unique_violation: another node recorded the same operator key first
]);

const maxAttempts = 8;

/**
 * The ledger's store in PostgreSQL, shared by any number of nodes. A batch locks each account
 * it touches (`FOR NO KEY UPDATE`, which lets inserts that reference the account go on), so a
 * debit is always decided on the latest state: none overdraws, an idempotency key is read and
 * written under the same lock, a hold resolves once and a due renewal is applied by the first
 * node only. The batch's writes go out together, pipelined (postgres-writes.ts), with the
 * NOTIFY that tells the other nodes (postgres-notices.ts), so they hear of every commit.
 */
class PostgresStore implements Store {
  readonly batchesPerAccount = true;
  private readonly notices: ChangeNotices;

  constructor(
    private readonly sql: Sql,
    url: string,
  ) {
    this.notices = new ChangeNotices(url);
  }

  async write<T>(work: (batch: StoreBatch) => Promise<{ changes: Changes; result: T }>) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.transaction(work);
      } catch (error) {
        if (attempt >= maxAttempts || !retryable.has((error as { code?: string }).code ?? '')) {
          throw error;
        }
        // Apart again at random, so two nodes that collided do not collide again in step.
        await new Promise((done) => setTimeout(done, Math.random() * 5 * attempt));
      }
    }
  }

  /**
   * One transaction on a connection of its own, its statements pipelined: BEGIN goes out with
   * the batch's first reads, and COMMIT right behind its writes. A batch so holds its account's
   * lock for two round trips (the lock with the reads, then the writes with the commit), where
   * awaiting each statement (`sql.begin`) would hold it for four. A write that fails aborts the
   * transaction on the server, and the COMMIT behind it then rolls back.
   */
  private async transaction<T>(
    work: (batch: StoreBatch) => Promise<{ changes: Changes; result: T }>,
  ): Promise<T> {
    const connection = await this.sql.reserve();
    try {
      const begun = connection`BEGIN`.execute();
      try {
        const { changes, result } = await work(batchOf(connection));
        const writes = [
          begun,
          writeChanges(connection, changes),
          this.notices.send(connection, changes),
        ];
        await Promise.all([...writes, connection`COMMIT`.execute()]);
        return result;
      } catch (error) {
        await connection`ROLLBACK`.catch(() => {});
        throw error;
      }
    } finally {
      connection.release();
    }
  }

  async loadAccount(accountId: string): Promise<AccountState | null> {
    const [row] = await this.sql<{ state: AccountState }[]>`
      SELECT state FROM accounts WHERE id = ${accountId}`;
    return row?.state ?? null;
  }

  async memberByTokenHash(tokenHash: string): Promise<Member | null> {
    const [row] = await this.sql<{ id: string; account_id: string; name: string; role: Role }[]>`
      SELECT id, account_id, name, role FROM members
      WHERE token_hash = ${tokenHash} AND removed_at IS NULL`;
    return row ? { id: row.id, accountId: row.account_id, name: row.name, role: row.role } : null;
  }

  members(accountId: string): Promise<Member[]> {
    return members(this.sql, accountId);
  }

  upgradeRequests(accountId: string, filter: UpgradeRequestFilter) {
    return upgradeRequests(this.sql, accountId, filter);
  }

  usageRows(accountId: string, range: Range, memberId?: string): Promise<UsageRow[]> {
    return usageRows(this.sql, accountId, range, memberId);
  }

  findHold(accountId: string, holdId: string): Promise<Hold | null> {
    return findHold(this.sql, accountId, holdId);
  }

  async entriesPage(accountId: string, page: PageRequest): Promise<Page<Entry>> {
    const from = await this.cursor('entries', accountId, page.before);
    const rows = await this.sql<EntryRow[]>`
      SELECT id, at, kind, member_id, operation, quantity, hold_id, credits::text,
        overage_credits::text, amount_usd::text, available_after::text, description
      FROM entries WHERE account_id = ${accountId} AND seq < ${from}
      ORDER BY seq DESC LIMIT ${page.limit + 1}`;
    return paged(rows.map(entryFromRow), page.limit);
  }

  async chargesPage(accountId: string, page: PageRequest): Promise<Page<Charge>> {
    const from = await this.cursor('charges', accountId, page.before);
    const rows = await this.sql<ChargeRow[]>`
      SELECT id, at, kind, amount_usd::text, description, entry_id
      FROM charges WHERE account_id = ${accountId} AND seq < ${from}
      ORDER BY seq DESC LIMIT ${page.limit + 1}`;
    return paged(rows.map(chargeFromRow), page.limit);
  }

  /**
   * Old answers go a few thousand per transaction, found by their rows' addresses (as fast as
   * one DELETE over them all), so no statement runs long (a backlog after days down, a managed
   * database's statement_timeout). A key another transaction holds right now is left for the
   * next prune instead of waited for, and nodes that prune at once share the work.
   */
  async pruneAnswers(before: number): Promise<number> {
    let pruned = 0;
    for (;;) {
      const { count } = await this.sql`
        DELETE FROM idempotency_keys WHERE ctid = ANY(ARRAY(
          SELECT ctid FROM idempotency_keys WHERE created_at < ${before}
          LIMIT ${answersPerPrune} FOR UPDATE SKIP LOCKED))`;
      pruned += count;
      if (count < answersPerPrune) return pruned;
    }
  }

  listen(heard: (change: RemoteChange) => void, reconnected: () => void): Promise<void> {
    return this.notices.listen(heard, reconnected);
  }

  async close(): Promise<void> {
    await this.notices.close();
    await this.sql.end({ timeout: 5 });
  }

  private async cursor(
    table: 'entries' | 'charges',
    accountId: string,
    before: string | undefined,
  ): Promise<string> {
    if (before === undefined) return '9223372036854775807';
    const [row] = await this.sql<{ seq: string }[]>`
      SELECT seq FROM ${this.sql(table)} WHERE account_id = ${accountId} AND id = ${before}`;
    if (!row) throw new CursorError(`"before" names nothing of this account: ${before}`);
    return row.seq;
  }
}

async function findHold(sql: Sql, accountId: string, holdId: string) {
  const [row] = await sql<{ hold: Hold }[]>`
    SELECT hold FROM holds WHERE account_id = ${accountId} AND id = ${holdId}`.execute();
  return row?.hold ?? null;
}

async function usageRows(
  sql: Sql,
  accountId: string,
  range: Range,
  memberId?: string,
): Promise<UsageRow[]> {
  const rows = await sql<UsageSourceRow[]>`
    SELECT e.at, e.member_id, e.operation, e.quantity, e.credits::text, h.credits::text AS held,
      e.overage_credits::text, e.amount_usd::text
    FROM entries e LEFT JOIN entries h
      ON h.account_id = e.account_id AND h.hold_id = e.hold_id AND h.kind = 'hold'
    WHERE e.account_id = ${accountId} AND e.kind IN ('usage', 'capture')
      AND e.at >= ${range.from} AND e.at < ${range.to}
      ${memberId === undefined ? sql`` : sql`AND e.member_id = ${memberId}`}
    ORDER BY e.seq`.execute();
  return rows.map(usageFromRow);
}

async function members(sql: Sql, accountId: string): Promise<Member[]> {
  const rows = await sql<{ id: string; name: string; role: Role }[]>`
    SELECT id, name, role FROM members WHERE account_id = ${accountId} AND removed_at IS NULL
    ORDER BY created_at, id`;
  return rows.map((row) => ({ id: row.id, accountId, name: row.name, role: row.role }));
}

async function upgradeRequests(sql: Sql, accountId: string, filter: UpgradeRequestFilter) {
  const rows = await sql<UpgradeRequestRow[]>`
    SELECT id, member_id, plan_id, note, status, at, decided_at, decided_by, reason
    FROM upgrade_requests WHERE account_id = ${accountId}
      ${filter.memberId === undefined ? sql`` : sql`AND member_id = ${filter.memberId}`}
      ${filter.status === undefined ? sql`` : sql`AND status = ${filter.status}`}
    ORDER BY at DESC, id`;
  return rows.map(upgradeRequestFromRow);
}

/** Reads inside one transaction (on its reserved connection). */
function batchOf(tx: Sql): StoreBatch {
  return {
    async lockAccount(accountId) {
      const [row] = await tx<{ state: AccountState }[]>`
        SELECT state FROM accounts WHERE id = ${accountId} FOR NO KEY UPDATE`.execute();
      return row?.state ?? null;
    },
    findHold: (accountId, holdId) => findHold(tx, accountId, holdId),
    members: (accountId) => members(tx, accountId),
    upgradeRequests: (accountId, filter) => upgradeRequests(tx, accountId, filter),
    usageRows: (accountId, range) => usageRows(tx, accountId, range),
    async findAnswer(scope, key): Promise<StoredAnswer | null> {
      const [row] = await tx<AnswerRow[]>`
        SELECT request_hash, status, body FROM idempotency_keys
        WHERE scope = ${scope} AND key = ${key}`.execute();
      return row ? storedAnswer(row) : null;
    },
    async noAccounts() {
      await tx`SELECT pg_advisory_xact_lock(${seedLock})`.execute();
      const [row] = await tx<{ empty: boolean }[]>`
        SELECT NOT EXISTS (SELECT 1 FROM accounts) AS empty`.execute();
      return row?.empty ?? true;
    },
  };
}

/**
 * Connects to TALLY_DATABASE_URL and brings the schema up to date. TALLY_DATABASE_POOL sets
 * the connections this node may hold (default 10): batches of different accounts commit in
 * parallel on them.
 */
export async function openPostgres(
  url: string,
  poolSize = Number(process.env.TALLY_DATABASE_POOL ?? 10),
  webhookSenders = 4,
): Promise<{ store: PostgresStore; outbox: PostgresOutbox; where: string }> {
  if (!Number.isInteger(poolSize) || poolSize < 1) {
    throw new Error(`TALLY_DATABASE_POOL must be a whole number ≥ 1, not ${poolSize}`);
  }
  const connect = (max: number) =>
    postgres(url, {
      max,
      onnotice: () => {},
      transform: { undefined: null },
      connection: { application_name: 'tally' },
    });
  const sql = connect(poolSize);
  await migratePostgres(sql);
  const shown = new URL(url);
  shown.password = '';
  // The webhook senders hold a transaction open through each attempt: their own connections.
  const outbox = new PostgresOutbox(sql, connect(webhookSenders));
  return { store: new PostgresStore(sql, url), outbox, where: `PostgreSQL ${shown.href}` };
}
