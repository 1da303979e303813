// SQLite: a write waiting for the writer thread when the store closes fails, instead of waiting
// forever, and a write after that fails at once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, test } from 'vitest';
import { openStore } from '../../server/db/open-store.ts';
import type { SqliteStore } from '../../server/db/sqlite-store.ts';
import { operatorScope } from '../../server/ledger/ledger.ts';
import { testStoreIsPostgres } from '../support/postgres-database.ts';
import { until } from '../support/until.ts';

let cleanUp = () => {};
afterEach(() => cleanUp());

const insert = (key: string) => [
  {
    sql: 'INSERT INTO idempotency_keys VALUES (?, ?, ?, ?, ?, ?)',
    params: [operatorScope, key, 'h', 201, '{}', Date.now()],
  },
];

test.skipIf(testStoreIsPostgres())(
  'a write the writer has not answered when the store closes fails; so does one after',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-writer-stop-'));
    const path = join(dir, 'tally.sqlite');
    const { store, outbox } = await openStore(undefined, path, 1);
    await outbox.close();
    const sqlite = store as SqliteStore;
    const other = new Database(path);
    cleanUp = () => {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
      rmSync(dir, { recursive: true, force: true });
    };
    expect(await sqlite.commit(insert('before'))).toBe(1);

    // Another connection holds the write lock: the writer waits for it with this write.
    other.exec('BEGIN IMMEDIATE');
    let outcome = 'waiting';
    const waiting = sqlite.commit(insert('meanwhile')).then(
      () => {
        outcome = 'committed';
      },
      (error: Error) => {
        outcome = error.message;
      },
    );
    await new Promise((done) => setTimeout(done, 50));
    expect(outcome).toBe('waiting');
    const closing = store.close();
    other.exec('COMMIT');
    await closing;
    await until(() => outcome !== 'waiting', 5_000);
    await waiting;
    expect(outcome).toMatch(/writer has stopped/);
    await expect(sqlite.commit(insert('after'))).rejects.toThrow(/store is closed/);
  },
);
