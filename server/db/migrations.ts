import type Database from 'better-sqlite3';
import { sqliteWebhookSchema } from '../webhooks/sqlite-schema.ts';

/**
 * Versioned schema changes, applied in order at start inside one transaction each and
 * recorded in `schema_migrations`. Never edit a released step: add the next one.
 * Credits and dollars are stored as decimal text, exactly as lib/billing returns them.
 */
const steps: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'ledger',
    sql: `
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        state TEXT NOT NULL,          -- AccountState JSON (lib/billing/types.ts)
        version INTEGER NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE members (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id),
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'member')),
        token_hash TEXT NOT NULL UNIQUE, -- SHA-256 of the token; the token itself is never kept
        created_at TEXT NOT NULL
      );
      CREATE INDEX members_account ON members(account_id);
      CREATE TABLE entries (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        account_id TEXT NOT NULL REFERENCES accounts(id),
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        member_id TEXT,
        operation TEXT,
        quantity INTEGER,
        hold_id TEXT,
        credits TEXT NOT NULL,
        overage_credits TEXT NOT NULL,
        amount_usd TEXT NOT NULL,
        available_after TEXT NOT NULL,
        description TEXT NOT NULL
      );
      CREATE INDEX entries_account ON entries(account_id, seq);
      CREATE TABLE charges (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        account_id TEXT NOT NULL REFERENCES accounts(id),
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        amount_usd TEXT NOT NULL,
        description TEXT NOT NULL,
        entry_id TEXT
      );
      CREATE INDEX charges_account ON charges(account_id, seq);
      CREATE TABLE holds (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id),
        status TEXT NOT NULL,
        hold TEXT NOT NULL            -- Hold JSON as last returned by lib/billing
      );
      CREATE INDEX holds_account ON holds(account_id);
      CREATE TABLE idempotency_keys (
        scope TEXT NOT NULL,          -- account id, or 'operator'
        key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        status INTEGER NOT NULL,
        body TEXT NOT NULL,
        created_at INTEGER NOT NULL,  -- epoch ms, wall clock (not the dev clock)
        PRIMARY KEY (scope, key)
      );
      CREATE INDEX idempotency_created ON idempotency_keys(created_at);
    `,
  },
  { version: 2, name: 'webhooks', sql: sqliteWebhookSchema },
  {
    version: 3,
    name: 'team',
    sql: `
      -- A removed member keeps its row (its ledger entries name it) but no longer signs in.
      ALTER TABLE members ADD COLUMN removed_at TEXT;
      CREATE TABLE upgrade_requests (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id),
        member_id TEXT NOT NULL REFERENCES members(id),
        plan_id TEXT NOT NULL,
        note TEXT,
        status TEXT NOT NULL CHECK (status IN ('open', 'approved', 'declined', 'replaced')),
        at TEXT NOT NULL,
        decided_at TEXT,
        decided_by TEXT,
        reason TEXT
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
      -- Only hold entries and their captures and releases carry a hold id: usage entries, most of
      -- the ledger, no longer add to this index (a page of every commit's WAL).
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
      ALTER TABLE entries ADD COLUMN plan_id TEXT;
      ALTER TABLE entries ADD COLUMN from_plan_id TEXT;
      ALTER TABLE entries ADD COLUMN terms INTEGER CHECK (terms > 1);
    `,
  },
];

export const schemaVersion = steps.at(-1)?.version ?? 0;

/** Brings the schema up to version `to` (the newest this server knows; an older one in tests). */
export function migrate(db: Database.Database, to = schemaVersion): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const done = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .pluck()
      .all()
      .map((v) => Number(v)),
  );
  for (const step of steps) {
    if (done.has(step.version) || step.version > to) continue;
    db.transaction(() => {
      db.exec(step.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        step.version,
        step.name,
        new Date().toISOString(),
      );
    }).immediate();
  }
}
