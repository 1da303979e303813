// The SQLite file's schema: migrated and versioned at open, WAL with durable commits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
import { migrate, schemaVersion } from '../../server/db/migrations.ts';
import { openDatabase } from '../../server/db/open.ts';
import { SqliteStore } from '../../server/db/sqlite-store.ts';
import { olderEntry } from './older-entry.ts';

test('the schema is migrated and versioned, and a second open changes nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-schema-'));
  try {
    const first = openDatabase(join(dir, 'tally.sqlite'));
    const versions = first.prepare('SELECT version FROM schema_migrations').pluck().all();
    expect(versions).toEqual(Array.from({ length: schemaVersion }, (_, i) => i + 1));
    expect(first.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(first.pragma('synchronous', { simple: true })).toBe(2); // FULL
    first.close();
    const again = openDatabase(join(dir, 'tally.sqlite'));
    expect(again.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(
      schemaVersion,
    );
    again.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the hold index keeps only entries with a hold, and the usage summary still finds them by it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-schema-'));
  try {
    const db = openDatabase(join(dir, 'tally.sqlite'));
    const index = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'entries_hold'").pluck();
    expect(index.get()).toMatch(/WHERE hold_id IS NOT NULL$/);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT h.credits FROM entries e LEFT JOIN entries h
        ON h.account_id = e.account_id AND h.hold_id = e.hold_id AND h.kind = 'hold'
        WHERE e.account_id = ?`)
      .all('acct_x') as { detail: string }[];
    expect(plan.map(({ detail }) => detail)).toContainEqual(
      expect.stringMatching(/^SEARCH h USING INDEX entries_hold \(account_id=\? AND hold_id=\?\)/),
    );
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a file of version 4 keeps its entries, which name no plan', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-schema-'));
  const path = join(dir, 'tally.sqlite');
  try {
    const older = new Database(path);
    migrate(older, 4);
    older
      .prepare('INSERT INTO accounts (id, name, state, version, created_at) VALUES (?, ?, ?, ?, ?)')
      .run('acct_1', 'Older', '{}', 1, olderEntry.at);
    older
      .prepare(`INSERT INTO entries (id, account_id, at, kind, member_id, credits, overage_credits,
        amount_usd, available_after, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(...olderEntry.row);
    older.close();
    const store = new SqliteStore(openDatabase(path), path);
    try {
      const { items } = await store.entriesPage('acct_1', { limit: 10 });
      expect(items).toEqual([olderEntry.entry]);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
