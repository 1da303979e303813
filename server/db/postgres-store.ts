import { randomUUID } from 'node:crypto';
import postgres, { type Sql, type TransactionSql } from 'postgres';
import type { AccountState, Hold, Role } from '../../lib/billing/types.ts';
import {
  type Charge,
  CursorError,
  type Entry,
  type Member,
  type Page,
  type PageRequest,
  type StoredAnswer,
} from '../ledger/ledger.ts';
import { type ChargeRow, chargeFromRow, type EntryRow, entryFromRow } from '../ledger/rows.ts';
import {
  type Changes,
  paged,
  type RemoteChange,
  type Store,
  type StoreBatch,
} from '../ledger/store.ts';
import { migratePostgres } from './postgres-migrations.ts';

/** The channel every node LISTENs on: the accounts (and new members) a node's commits changed. */
const changesChannel = 'tally_changes';

/** Changes per NOTIFY payload, well under PostgreSQL's 8,000-byte limit. */
const changesPerNotice = 100;

/** Two nodes opening an empty database both ask "any accounts?": this lock makes one wait. */
const seedLock = 7_361_002;

/** Transient failures that a new attempt of the whole transaction resolves. */
const retryable = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '23505', // unique_violation: another node recorded the same operator key first
]);

const maxAttempts = 8;

/** An account's version moved between the read under lock and the write: never expected. */
class VersionConflict extends Error {
  readonly code = '40001';
}

interface Notice {
  node: string;
  /** [account id, new version, or null for a new member] */
  changes: [string, number | null][];
}

/**
 * The ledger's store in PostgreSQL, shared by any number of nodes. A batch locks each account
 * it touches (`FOR NO KEY UPDATE`, which lets inserts that reference the account go on), so a
 * debit is always decided on the latest state: none overdraws, an idempotency key is read and
 * written under the same lock, a hold resolves once and a due renewal is applied by the first
 * node only. The batch's writes go out together, pipelined.
 *
 * Other nodes hear of a commit by one NOTIFY sent right after it, coalescing whatever this node
 * committed meanwhile. Not inside the transaction: PostgreSQL serialises every committing
 * transaction that notified on one database-wide lock, held through the commit's fsync, which
 * would make commits of different accounts queue behind each other.
 */
export class PostgresStore implements Store {
  readonly batchesPerAccount = true;
  private readonly node = randomUUID();
  /** Changes committed and not yet announced; `announcing` while a NOTIFY is on its way. */
  private unannounced: [string, number | null][] = [];
  private announcing = false;

  constructor(private readonly sql: Sql) {}

  async write<T>(work: (batch: StoreBatch) => Promise<{ changes: Changes; result: T }>) {
    for (let attempt = 1; ; attempt++) {
      try {
        const committed = (await this.sql.begin(async (tx) => {
          const { changes, result } = await work(batchOf(tx));
          await this.writeChanges(tx, changes);
          return { changes, result };
        })) as { changes: Changes; result: T };
        this.announce(committed.changes);
        return committed.result;
      } catch (error) {
        if (attempt >= maxAttempts || !retryable.has((error as { code?: string }).code ?? '')) {
          throw error;
        }
        // Apart again at random, so two nodes that collided do not collide again in step.
        await new Promise((done) => setTimeout(done, Math.random() * 5 * attempt));
      }
    }
  }

  async loadAccount(accountId: string): Promise<AccountState | null> {
    const [row] = await this.sql<{ state: AccountState }[]>`
      SELECT state FROM accounts WHERE id = ${accountId}`;
    return row?.state ?? null;
  }

  async memberByTokenHash(tokenHash: string): Promise<Member | null> {
    const [row] = await this.sql<{ id: string; account_id: string; name: string; role: Role }[]>`
      SELECT id, account_id, name, role FROM members WHERE token_hash = ${tokenHash}`;
    return row ? { id: row.id, accountId: row.account_id, name: row.name, role: row.role } : null;
  }

  async members(accountId: string): Promise<Member[]> {
    const rows = await this.sql<{ id: string; name: string; role: Role }[]>`
      SELECT id, name, role FROM members WHERE account_id = ${accountId} ORDER BY created_at, id`;
    return rows.map((row) => ({ id: row.id, accountId, name: row.name, role: row.role }));
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

  async pruneAnswers(before: number): Promise<number> {
    return (await this.sql`DELETE FROM idempotency_keys WHERE created_at < ${before}`).count;
  }

  async listen(listener: (change: RemoteChange) => void): Promise<void> {
    await this.sql.listen(changesChannel, (payload) => {
      const notice = JSON.parse(payload) as Notice;
      if (notice.node === this.node) return;
      for (const [accountId, version] of notice.changes) listener({ accountId, version });
    });
  }

  async close(): Promise<void> {
    await this.sql.end({ timeout: 5 });
  }

  private announce(changes: Changes): void {
    for (const [id, account] of changes.accounts) {
      this.unannounced.push([id, account.state.version]);
    }
    for (const { member } of changes.members) this.unannounced.push([member.accountId, null]);
    if (!this.announcing && this.unannounced.length > 0) void this.sendNotices();
  }

  private async sendNotices(): Promise<void> {
    this.announcing = true;
    try {
      while (this.unannounced.length > 0) {
        const changes = latestPerAccount(this.unannounced.splice(0));
        const payloads: string[] = [];
        for (let i = 0; i < changes.length; i += changesPerNotice) {
          const notice: Notice = {
            node: this.node,
            changes: changes.slice(i, i + changesPerNotice),
          };
          payloads.push(JSON.stringify(notice));
        }
        await this.sql`SELECT pg_notify(${changesChannel}, payload)
          FROM unnest(${payloads}::text[]) AS payload`;
      }
    } catch (error) {
      console.error('Could not tell the other nodes of a change:', error);
    } finally {
      this.announcing = false;
    }
  }

  private async writeChanges(tx: TransactionSql, changes: Changes): Promise<void> {
    const inserted = [...changes.accounts].filter(([, account]) => account.before === null);
    if (inserted.length > 0) {
      // First, on their own: the rows below may reference these accounts.
      await tx`INSERT INTO accounts ${tx(
        inserted.map(([id, account]) => ({
          id,
          name: account.name,
          state: json(tx, account.state),
          version: account.state.version,
          created_at: account.createdAt,
        })),
      )}`;
    }
    // The rest go out together, pipelined on the transaction's connection.
    const writes: Promise<unknown>[] = [];
    for (const [id, account] of changes.accounts) {
      if (account.before === null) continue;
      writes.push(
        tx`UPDATE accounts SET state = ${json(tx, account.state)},
             version = ${account.state.version}
           WHERE id = ${id} AND version = ${account.before}`.then((result) => {
          if (result.count !== 1) throw new VersionConflict(`Account ${id} changed under a lock`);
        }),
      );
    }
    if (changes.members.length > 0) {
      writes.push(
        tx`INSERT INTO members ${tx(
          changes.members.map(({ member, tokenHash, createdAt }) => ({
            id: member.id,
            account_id: member.accountId,
            name: member.name,
            role: member.role,
            token_hash: tokenHash,
            created_at: createdAt,
          })),
        )}`,
      );
    }
    if (changes.entries.length > 0) {
      writes.push(
        tx`INSERT INTO entries ${tx(
          changes.entries.map((entry) => ({
            id: entry.id,
            account_id: entry.accountId,
            at: entry.at,
            kind: entry.kind,
            member_id: entry.memberId,
            operation: entry.operation ?? null,
            quantity: entry.quantity ?? null,
            hold_id: entry.holdId ?? null,
            credits: entry.credits,
            overage_credits: entry.overageCredits,
            amount_usd: entry.amountUsd,
            available_after: entry.availableAfter,
            description: entry.description,
          })),
        )}`,
      );
    }
    if (changes.charges.length > 0) {
      writes.push(
        tx`INSERT INTO charges ${tx(
          changes.charges.map((charge) => ({
            id: charge.id,
            account_id: charge.accountId,
            at: charge.at,
            kind: charge.kind,
            amount_usd: charge.amountUsd,
            description: charge.description,
            entry_id: charge.entryId ?? null,
          })),
        )}`,
      );
    }
    if (changes.holds.size > 0) {
      writes.push(tx`INSERT INTO holds ${tx(
        [...changes.holds.values()].map(({ accountId, hold }) => ({
          id: hold.id,
          account_id: accountId,
          status: hold.status,
          hold: json(tx, hold),
        })),
      )}
        ON CONFLICT (id) DO UPDATE SET status = excluded.status, hold = excluded.hold
        WHERE holds.account_id = excluded.account_id`);
    }
    if (changes.answers.size > 0) {
      writes.push(
        tx`INSERT INTO idempotency_keys ${tx(
          [...changes.answers.values()].map((answer) => ({
            scope: answer.scope,
            key: answer.key,
            request_hash: answer.requestHash,
            status: answer.status,
            body: json(tx, answer.body),
            created_at: answer.createdAt,
          })),
        )}`,
      );
    }
    await Promise.all(writes);
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

/** One change per account: its newest version, and a member notice if there was one. */
function latestPerAccount(changes: [string, number | null][]): [string, number | null][] {
  const versions = new Map<string, number>();
  const members = new Set<string>();
  for (const [accountId, version] of changes) {
    if (version === null) members.add(accountId);
    else versions.set(accountId, Math.max(version, versions.get(accountId) ?? version));
  }
  return [...versions, ...[...members].map((id): [string, null] => [id, null])];
}

/** A jsonb parameter (the client serialises it once; a string would be stored as a JSON string). */
function json(tx: TransactionSql, value: unknown) {
  return tx.json(value as postgres.JSONValue);
}

async function findHold(sql: Sql | TransactionSql, accountId: string, holdId: string) {
  const [row] = await sql<{ hold: Hold }[]>`
    SELECT hold FROM holds WHERE account_id = ${accountId} AND id = ${holdId}`;
  return row?.hold ?? null;
}

/** Reads inside one transaction. */
function batchOf(tx: TransactionSql): StoreBatch {
  return {
    async lockAccount(accountId) {
      const [row] = await tx<{ state: AccountState }[]>`
        SELECT state FROM accounts WHERE id = ${accountId} FOR NO KEY UPDATE`;
      return row?.state ?? null;
    },
    findHold: (accountId, holdId) => findHold(tx, accountId, holdId),
    async findAnswer(scope, key): Promise<StoredAnswer | null> {
      const [row] = await tx<{ request_hash: string; status: number; body: unknown }[]>`
        SELECT request_hash, status, body FROM idempotency_keys
        WHERE scope = ${scope} AND key = ${key}`;
      return row ? { requestHash: row.request_hash, status: row.status, body: row.body } : null;
    },
    async noAccounts() {
      await tx`SELECT pg_advisory_xact_lock(${seedLock})`;
      const [row] = await tx<{ empty: boolean }[]>`
        SELECT NOT EXISTS (SELECT 1 FROM accounts) AS empty`;
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
): Promise<{ store: PostgresStore; where: string }> {
  if (!Number.isInteger(poolSize) || poolSize < 1) {
    throw new Error(`TALLY_DATABASE_POOL must be a whole number ≥ 1, not ${poolSize}`);
  }
  const sql = postgres(url, {
    max: poolSize,
    onnotice: () => {},
    transform: { undefined: null },
    connection: { application_name: 'tally' },
  });
  await migratePostgres(sql);
  const shown = new URL(url);
  shown.password = '';
  return { store: new PostgresStore(sql), where: `PostgreSQL ${shown.href}` };
}
