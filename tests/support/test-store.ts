// The ledger's store for tests that talk to it in-process: a temp SQLite file, or with
// TALLY_TEST_STORE=postgres a new database of the test cluster. `close` removes it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../server/db/open-store.ts';
import type { Store } from '../../server/ledger/store.ts';
import type { Outbox } from '../../server/webhooks/outbox.ts';
import { createDatabase, testStoreIsPostgres } from './postgres-database.ts';

export async function openTestStore(): Promise<{
  store: Store;
  outbox: Outbox;
  close(): Promise<void>;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'tally-store-'));
  const database = testStoreIsPostgres() ? await createDatabase() : undefined;
  const { store, outbox } = await openStore(database?.url, join(dir, 'tally.sqlite'), 1);
  return {
    store,
    outbox,
    async close() {
      await outbox.close();
      await store.close();
      await database?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
