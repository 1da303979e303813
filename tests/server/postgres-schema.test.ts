// The PostgreSQL schema: nodes starting together on an empty database migrate it once, and
// money is kept in exact numeric columns; an older database migrates with what it holds.
import postgres from 'postgres';
import { expect, test } from 'vitest';
import { migratePostgres, postgresSchemaVersion } from '../../server/db/postgres-migrations.ts';
import { openPostgres } from '../../server/db/postgres-store.ts';
import { createDatabase } from '../support/postgres-database.ts';
import { olderEntry } from './older-entry.ts';

test('three nodes opening one empty database at once migrate it once', async () => {
  const database = await createDatabase();
  const opened = await Promise.all([1, 2, 3].map(() => openPostgres(database.url, 1)));
  const sql = postgres(database.url, { max: 1, onnotice: () => {} });
  try {
    const versions = await sql`SELECT version FROM schema_migrations`;
    const all = Array.from({ length: postgresSchemaVersion }, (_, i) => i + 1);
    expect(versions.map((row) => row.version)).toEqual(all);
    const money = await sql`
      SELECT column_name, data_type FROM information_schema.columns
      WHERE table_name = 'entries' AND column_name IN ('credits', 'amount_usd', 'available_after')`;
    expect(money.map((row) => row.data_type)).toEqual(['numeric', 'numeric', 'numeric']);
  } finally {
    await sql.end();
    for (const { store, outbox } of opened) await Promise.all([store.close(), outbox.close()]);
    await database.drop();
  }
});

test('a database of version 3 migrates its stored answers to their text, and keeps replaying them', async () => {
  const database = await createDatabase();
  const sql = postgres(database.url, { max: 1, onnotice: () => {} });
  try {
    await migratePostgres(sql, 3);
    const answer = { entry: { id: 'ent_1', credits: '-1.2' }, snapshot: { available: '98.8' } };
    await sql`INSERT INTO idempotency_keys (scope, key, request_hash, status, body, created_at)
      VALUES ('acct_1', 'k1', 'h1', 201, ${sql.json(answer)}, 1)`;
    await migratePostgres(sql);
    const [column] = await sql`
      SELECT data_type FROM information_schema.columns
      WHERE table_name = 'idempotency_keys' AND column_name = 'body'`;
    expect(column?.data_type).toBe('text');
    const [row] = await sql<{ body: string }[]>`
      SELECT body FROM idempotency_keys WHERE scope = 'acct_1' AND key = 'k1'`;
    expect(typeof row?.body).toBe('string');
    expect(JSON.parse(row?.body ?? '')).toEqual(answer);
    // Usage entries, which carry no hold id, are left out of the hold index.
    const [index] = await sql`SELECT indexdef FROM pg_indexes WHERE indexname = 'entries_hold'`;
    expect(index?.indexdef).toContain('WHERE (hold_id IS NOT NULL)');
  } finally {
    await sql.end();
    await database.drop();
  }
});

test('a database of version 4 keeps its entries, which name no plan', async () => {
  const database = await createDatabase();
  const sql = postgres(database.url, { max: 1, onnotice: () => {} });
  try {
    await migratePostgres(sql, 4);
    await sql`INSERT INTO accounts (id, name, state, version, created_at)
      VALUES ('acct_1', 'Older', '{}', 1, ${olderEntry.at})`;
    const [id, account, at, kind, member, credits, overage, usd, after, description] =
      olderEntry.row;
    await sql`INSERT INTO entries (id, account_id, at, kind, member_id, credits, overage_credits,
        amount_usd, available_after, description)
      VALUES (${id}, ${account}, ${at}, ${kind}, ${member}, ${credits}, ${overage}, ${usd},
        ${after}, ${description})`;
    const { store, outbox } = await openPostgres(database.url, 1);
    try {
      const { items } = await store.entriesPage('acct_1', { limit: 10 });
      expect(items).toEqual([olderEntry.entry]);
    } finally {
      await Promise.all([store.close(), outbox.close()]);
    }
  } finally {
    await sql.end();
    await database.drop();
  }
});

test('a server refuses a database that a newer version has migrated', async () => {
  const database = await createDatabase();
  const sql = postgres(database.url, { max: 1, onnotice: () => {} });
  try {
    await migratePostgres(sql);
    const newer = postgresSchemaVersion + 1;
    await sql`INSERT INTO schema_migrations (version, name) VALUES (${newer}, 'from the future')`;
    await expect(migratePostgres(sql)).rejects.toThrow(
      `This database is at schema version ${newer}, newer than this server's (${postgresSchemaVersion})`,
    );
  } finally {
    await sql.end();
    await database.drop();
  }
});
