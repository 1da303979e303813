import type { Sql } from 'postgres';
import { postgresWebhookSchema } from '../webhooks/postgres-schema.ts';

/**
 * Versioned schema changes for PostgreSQL, applied in order at start and recorded in
 * `schema_migrations`. Never edit a released step: add the next one. Credits and dollars are
 * exact `numeric`; states and holds are lib/billing's JSON; instants of the ledger are kept as
 * the ISO text lib/billing wrote.
 */
const steps: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'ledger',
    sql: `
      CREATE TABLE accounts (
        id text PRIMARY KEY,
        name text NOT NULL,
        state jsonb NOT NULL,           -- AccountState (lib/billing/types.ts)
        version bigint NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE TABLE members (
        id text PRIMARY KEY,
        account_id text NOT NULL REFERENCES accounts(id),
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'member')),
        token_hash text NOT NULL UNIQUE, -- SHA-256 of the token; the token itself is never kept
        created_at timestamptz NOT NULL
      );
      CREATE INDEX members_account ON members(account_id, created_at, id);
      CREATE TABLE entries (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text NOT NULL UNIQUE,
        account_id text NOT NULL REFERENCES accounts(id),
        at text NOT NULL,
        kind text NOT NULL,
        member_id text,
        operation text,
        quantity integer,
        hold_id text,
        credits numeric NOT NULL,
        overage_credits numeric NOT NULL,
        amount_usd numeric NOT NULL,
        available_after numeric NOT NULL CHECK (available_after >= 0),
        description text NOT NULL
      );
      CREATE INDEX entries_account ON entries(account_id, seq);
      CREATE TABLE charges (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text NOT NULL UNIQUE,
        account_id text NOT NULL REFERENCES accounts(id),
        at text NOT NULL,
        kind text NOT NULL,
        amount_usd numeric NOT NULL,
        description text NOT NULL,
        entry_id text
      );
      CREATE INDEX charges_account ON charges(account_id, seq);
      CREATE TABLE holds (
        id text PRIMARY KEY,
        account_id text NOT NULL REFERENCES accounts(id),
        status text NOT NULL,
        hold jsonb NOT NULL             -- Hold as last returned by lib/billing
      );
      CREATE INDEX holds_account ON holds(account_id);
      CREATE TABLE idempotency_keys (
        scope text NOT NULL,            -- account id, or 'operator'
        key text NOT NULL,
        request_hash text NOT NULL,
        status integer NOT NULL,
        body jsonb NOT NULL,
        created_at bigint NOT NULL,     -- epoch ms, wall clock (not the dev clock)
        PRIMARY KEY (scope, key)
      );
      CREATE INDEX idempotency_created ON idempotency_keys(created_at);
    `,
  },
  { version: 2, name: 'webhooks', sql: postgresWebhookSchema },
  {
    version: 3,
    name: 'team',
    sql: `
      -- A removed member keeps its row (its ledger entries name it) but no longer signs in.
      ALTER TABLE members ADD COLUMN removed_at timestamptz;
      CREATE TABLE upgrade_requests (
        id text PRIMARY KEY,
        account_id text NOT NULL REFERENCES accounts(id),
        member_id text NOT NULL REFERENCES members(id),
        plan_id text NOT NULL,
        note text,
        status text NOT NULL CHECK (status IN ('open', 'approved', 'declined', 'replaced')),
        at text NOT NULL,
        decided_at text,
        decided_by text,
        reason text
      );
      CREATE INDEX upgrade_requests_account ON upgrade_requests(account_id, status, at);
      -- The usage summary finds a capture's hold entry by its hold id.
      CREATE INDEX entries_hold ON entries(account_id, hold_id);
      CREATE INDEX entries_at ON entries(account_id, at);
    `,
  },
  {
    version: 4,
    name: 'lighter debits',
    sql: `
      -- An answer is kept as the text that was sent: stored without being parsed, and replayed
      -- byte for byte (jsonb would have reordered its keys).
      ALTER TABLE idempotency_keys ALTER COLUMN body TYPE text USING body::text;
      -- Only hold entries and their captures and releases carry a hold id: usage entries, most of
      -- the ledger, no longer add to this index.
      DROP INDEX entries_hold;
      CREATE INDEX entries_hold ON entries(account_id, hold_id) WHERE hold_id IS NOT NULL;
    `,
  },
  {
    version: 5,
    name: 'entry facts',
    sql: `
      -- What a grant, an expiry, a plan change or a rollover is about, so that a reader can say
      -- it in its own language instead of quoting the English description.
      -- The check holds for new rows; NOT VALID spares a scan of the ledger's older rows (all
      -- NULL) under the table's lock.
      ALTER TABLE entries ADD COLUMN plan_id text, ADD COLUMN from_plan_id text,
        ADD COLUMN terms integer, ADD CONSTRAINT entries_terms CHECK (terms > 1) NOT VALID;
    `,
  },
];

export const postgresSchemaVersion = steps.at(-1)?.version ?? 0;

/** Any number of nodes may start together: the first to take the lock migrates, the rest wait. */
const migrationLock = 7_361_001;

/**
 * Brings the schema up to version `to` (the newest this node knows). A database that a newer
 * node has migrated past that is refused: this node would read and write it the old way.
 */
export async function migratePostgres(sql: Sql, to = postgresSchemaVersion): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${migrationLock})`;
    await tx`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`;
    const done = new Set(
      (await tx<{ version: number }[]>`SELECT version FROM schema_migrations`).map((row) =>
        Number(row.version),
      ),
    );
    const newest = Math.max(0, ...done);
    if (newest > postgresSchemaVersion) {
      throw new Error(
        `This database is at schema version ${newest}, newer than this server's ` +
          `(${postgresSchemaVersion}): run the newer version of Tally on it`,
      );
    }
    for (const step of steps) {
      if (done.has(step.version) || step.version > to) continue;
      await tx.unsafe(step.sql);
      await tx`INSERT INTO schema_migrations (version, name) VALUES (${step.version}, ${step.name})`;
    }
  });
}
