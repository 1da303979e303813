// A ledger node in this process on a new database of the test cluster (its store, no HTTP), and
// a connection of its own to that database that plays another node: it takes an account's lock
// and keeps it until told. Usage:
//
//   const node = await openLedgerNode(1);   // the node's pool size
//   await node.ledger.atomically(…);
//   await node.close();
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { demoCatalog } from '../../lib/billing/index.ts';
import { systemClock } from '../../server/clock.ts';
import { openPostgres } from '../../server/db/postgres-store.ts';
import type { Store } from '../../server/ledger/store.ts';
import { StoreLedger } from '../../server/ledger/store-ledger.ts';
import { createDatabase, type TestDatabase } from './postgres-database.ts';

export interface LedgerNode {
  database: TestDatabase;
  /** A temp folder of the node's own (removed on close), for another node's demo tokens. */
  dir: string;
  store: Store;
  ledger: StoreLedger;
  otherNode: postgres.Sql;
  close(): Promise<void>;
}

/** `idleMs`: how long PostgreSQL lets a session of the node sit idle in a transaction. */
export async function openLedgerNode(poolSize: number, idleMs?: number): Promise<LedgerNode> {
  const database = await createDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'tally-node-'));
  const { store, outbox } = await openPostgres(database.url, poolSize, 1, idleMs);
  const ledger = await StoreLedger.open(store, systemClock, demoCatalog);
  const otherNode = postgres(database.url, { max: 2, onnotice: () => {} });
  return {
    database,
    dir,
    store,
    ledger,
    otherNode,
    async close() {
      await otherNode.end();
      await outbox.close();
      await ledger.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Backends of this database waiting for a lock, as `sql` sees them. */
export async function waitingForLocks(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_stat_activity
    WHERE datname = current_database() AND wait_event_type = 'Lock'`;
  return row?.n ?? 0;
}
