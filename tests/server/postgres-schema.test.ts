// The PostgreSQL schema: nodes starting together on an empty database migrate it once, and
// money is kept in exact numeric columns.
import postgres from 'postgres';
import { expect, test } from 'vitest';
import { postgresSchemaVersion } from '../../server/db/postgres-migrations.ts';
import { openPostgres } from '../../server/db/postgres-store.ts';
import { createDatabase } from '../support/postgres-database.ts';

test('three nodes opening one empty database at once migrate it once', async () => {
  const database = await createDatabase();
  const opened = await Promise.all([1, 2, 3].map(() => openPostgres(database.url, 1)));
  const sql = postgres(database.url, { max: 1, onnotice: () => {} });
  try {
    const versions = await sql`SELECT version FROM schema_migrations`;
    expect(versions.map((row) => row.version)).toEqual(
      Array.from({ length: postgresSchemaVersion }, (_, i) => i + 1),
    );
    const money = await sql`
      SELECT column_name, data_type FROM information_schema.columns
      WHERE table_name = 'entries' AND column_name IN ('credits', 'amount_usd', 'available_after')`;
    expect(money.map((row) => row.data_type)).toEqual(['numeric', 'numeric', 'numeric']);
  } finally {
    await sql.end();
    for (const { store } of opened) await store.close();
    await database.drop();
  }
});
