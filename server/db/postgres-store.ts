import postgres, { type Sql } from 'postgres';
import type { AccountState, Hold } from '../../lib/billing/types.ts';
import {
  type Charge,
  CursorError,
  type Entry,
  type Member,
  type Page,
  type PageRequest,
  type Range,
  type UpgradeRequestFilter,
  type UsageRow,
} from '../ledger/ledger.ts';
import {
  type ChargeRow,
  chargeFromRow,
  type EntryRow,
  entryFromRow,
  type MemberRow,
  memberFromRow,
} from '../ledger/rows.ts';
import {
  type Changes,
  paged,
  type RemoteChange,
  type Store,
  type StoreBatch,
} from '../ledger/store.ts';
import { PostgresOutbox } from '../webhooks/postgres-outbox.ts';
import { reread } from './postgres-errors.ts';
import { migratePostgres } from './postgres-migrations.ts';
import { ChangeNotices } from './postgres-notices.ts';
import { findHold, members, upgradeRequests, usageRows } from './postgres-reads.ts';
import { Transactions } from './postgres-transactions.ts';

/** Old answers deleted per transaction of a prune. */
const answersPerPrune = 5000;

/**
 * The ledger's store in PostgreSQL, shared by any number of nodes. A batch locks each account
 * it touches (`FOR NO KEY UPDATE`, which lets inserts that reference the account go on), so a
 * debit is always decided on the latest state: none overdraws, an idempotency key is read and
 * written under the same lock, a hold resolves once and a due renewal is applied by the first
 * node only. Batches of different accounts that wait together share a transaction
 * (postgres-transactions.ts); its writes go out together, pipelined (postgres-writes.ts), with
 * the NOTIFY that tells the other nodes (postgres-notices.ts), so they hear of every commit.
 */
class PostgresStore implements Store {
  readonly batchesPerAccount = true;
  private readonly notices: ChangeNotices;
  private readonly transactions: Transactions;

  constructor(
    private readonly sql: Sql,
    url: string,
    poolSize: number,
  ) {
    this.notices = new ChangeNotices(url);
    this.transactions = new Transactions(sql, this.notices, poolSize);
  }

  write<T>(
    work: (batch: StoreBatch) => Promise<{ changes: Changes; result: T }>,
    group: string,
  ): Promise<T> {
    return this.transactions.write(work, group);
  }

  // Reads go to the pool, and again to another connection should theirs be lost (reread).

  loadAccount(accountId: string): Promise<AccountState | null> {
    return reread(async () => {
      const [row] = await this.sql<{ state: AccountState }[]>`
        SELECT state FROM accounts WHERE id = ${accountId}`;
      return row?.state ?? null;
    });
  }

  memberByTokenHash(tokenHash: string): Promise<Member | null> {
    return reread(async () => {
      const [row] = await this.sql<MemberRow[]>`
        SELECT id, account_id, name, role FROM members
        WHERE token_hash = ${tokenHash} AND removed_at IS NULL`;
      return row ? memberFromRow(row) : null;
    });
  }

  members(accountId: string): Promise<Member[]> {
    return reread(() => members(this.sql, accountId));
  }

  upgradeRequests(accountId: string, filter: UpgradeRequestFilter) {
    return reread(() => upgradeRequests(this.sql, accountId, filter));
  }

  usageRows(accountId: string, range: Range, memberId?: string): Promise<UsageRow[]> {
    return reread(() => usageRows(this.sql, accountId, range, memberId));
  }

  findHold(accountId: string, holdId: string): Promise<Hold | null> {
    return reread(() => findHold(this.sql, accountId, holdId));
  }

  entriesPage(accountId: string, page: PageRequest): Promise<Page<Entry>> {
    return reread(async () => {
      const from = await this.cursor('entries', accountId, page.before);
      const rows = await this.sql<EntryRow[]>`
        SELECT id, at, kind, member_id, operation, quantity, hold_id, plan_id, from_plan_id, terms,
          credits::text,
          overage_credits::text, amount_usd::text, available_after::text, description
        FROM entries WHERE account_id = ${accountId} AND seq < ${from}
        ORDER BY seq DESC LIMIT ${page.limit + 1}`;
      return paged(rows.map(entryFromRow), page.limit);
    });
  }

  chargesPage(accountId: string, page: PageRequest): Promise<Page<Charge>> {
    return reread(async () => {
      const from = await this.cursor('charges', accountId, page.before);
      const rows = await this.sql<ChargeRow[]>`
        SELECT id, at, kind, amount_usd::text, description, entry_id
        FROM charges WHERE account_id = ${accountId} AND seq < ${from}
        ORDER BY seq DESC LIMIT ${page.limit + 1}`;
      return paged(rows.map(chargeFromRow), page.limit);
    });
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

/**
 * How long (ms) a node's session may sit in an open transaction waiting for the node before
 * PostgreSQL ends it (`idle_in_transaction_session_timeout`): a node that stalls mid-transaction
 * (paused, cut off) so lets go of its accounts' locks, and its work, should it wake, runs again.
 * A node's own transactions wait for it only between their round trips; the webhook senders'
 * wait through an attempt (15 s at most).
 */
const idleInTransactionMs = { ledger: 10_000, senders: 30_000 };

/**
 * Connects to TALLY_DATABASE_URL and brings the schema up to date. TALLY_DATABASE_POOL sets
 * the connections this node may hold (default 10): batches of different accounts commit in
 * parallel on them.
 */
export async function openPostgres(
  url: string,
  poolSize = Number(process.env.TALLY_DATABASE_POOL ?? 10),
  webhookSenders = 4,
  ledgerIdleMs = idleInTransactionMs.ledger,
): Promise<{ store: PostgresStore; outbox: PostgresOutbox; where: string }> {
  if (!Number.isInteger(poolSize) || poolSize < 1) {
    throw new Error(`TALLY_DATABASE_POOL must be a whole number ≥ 1, not ${poolSize}`);
  }
  const connect = (max: number, idleMs: number) =>
    postgres(url, {
      max,
      onnotice: () => {},
      transform: { undefined: null },
      connection: {
        application_name: 'tally',
        idle_in_transaction_session_timeout: idleMs,
      },
    });
  const sql = connect(poolSize, ledgerIdleMs);
  await migratePostgres(sql);
  const shown = new URL(url);
  shown.password = '';
  // The webhook senders hold a transaction open through each attempt: their own connections.
  const outbox = new PostgresOutbox(sql, connect(webhookSenders, idleInTransactionMs.senders));
  return {
    store: new PostgresStore(sql, url, poolSize),
    outbox,
    where: `PostgreSQL ${shown.href}`,
  };
}
