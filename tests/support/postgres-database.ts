// A database of its own for each test server (or benchmark), made in the cluster at
// TALLY_TEST_DATABASE_URL and dropped when done.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

function testDatabaseUrl(): string {
  const url = process.env.TALLY_TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'TALLY_TEST_STORE=postgres needs TALLY_TEST_DATABASE_URL (vitest sets it up in its postgres project)',
    );
  }
  return url;
}

async function asAdmin<T>(run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(testDatabaseUrl(), { max: 1, onnotice: () => {} });
  try {
    return await run(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function createDatabase(): Promise<TestDatabase> {
  const name = `tally_test_${randomBytes(6).toString('hex')}`;
  await asAdmin((sql) => sql`CREATE DATABASE ${sql(name)}`);
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: async () => {
      await asAdmin((sql) => sql`DROP DATABASE IF EXISTS ${sql(name)} WITH (FORCE)`);
    },
  };
}

/** Which store the server tests run on: the vitest project sets TALLY_TEST_STORE. */
export function testStoreIsPostgres(): boolean {
  return process.env.TALLY_TEST_STORE === 'postgres';
}
