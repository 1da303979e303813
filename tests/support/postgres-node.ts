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
import { operatorScope } from '../../server/ledger/ledger.ts';
import type { Store } from '../../server/ledger/store.ts';
import { StoreLedger } from '../../server/ledger/store-ledger.ts';
import { createDatabase, type TestDatabase } from './postgres-database.ts';
import { proxyTo, type TcpProxy } from './tcp-proxy.ts';

export interface LedgerNode {
  database: TestDatabase;
  /** A temp folder of the node's own (removed on close), for another node's demo tokens. */
  dir: string;
  store: Store;
  ledger: StoreLedger;
  otherNode: postgres.Sql;
  /** The proxy the node connects through, when it was asked for. */
  proxy: TcpProxy | null;
  close(): Promise<void>;
}

export interface NodeOptions {
  /** How long PostgreSQL lets a session of the node sit idle in a transaction. */
  idleMs?: number;
  /** The node connects through a TCP proxy that can cut its connections. */
  throughProxy?: boolean;
}

export async function openLedgerNode(
  poolSize: number,
  options: NodeOptions = {},
): Promise<LedgerNode> {
  const database = await createDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'tally-node-'));
  const proxy = options.throughProxy ? await proxyTo(database.url) : null;
  const { store, outbox } = await openPostgres(
    proxy?.url ?? database.url,
    poolSize,
    1,
    options.idleMs,
  );
  const ledger = await StoreLedger.open(store, systemClock, demoCatalog);
  const otherNode = postgres(database.url, { max: 2, onnotice: () => {} });
  return {
    database,
    dir,
    store,
    ledger,
    otherNode,
    proxy,
    async close() {
      await otherNode.end();
      await outbox.close();
      await ledger.close();
      await proxy?.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new Scale account (10,000 credits) with one admin, opened through `ledger`. */
export function scaleAccount(ledger: StoreLedger, name: string) {
  return ledger.atomically(operatorScope, async (tx) => {
    const state = await tx.openAccount({
      name,
      planId: 'scale',
      startAt: systemClock.now().toISOString(),
    });
    const { member } = await tx.addMember(state.id, { name: 'Ada', role: 'admin' });
    return { accountId: state.id, memberId: member.id };
  });
}

/** Backends of this database waiting for a lock, as `sql` sees them. */
export async function waitingForLocks(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_stat_activity
    WHERE datname = current_database() AND wait_event_type = 'Lock'`;
  return row?.n ?? 0;
}
