// Group commit on PostgreSQL when another node holds the account's lock: what arrives while a
// batch waits for the lock goes into that batch, so a hot account shared by several nodes pays
// one commit per turn of each node, not one per arrival.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { demoCatalog } from '../../lib/billing/index.ts';
import { systemClock } from '../../server/clock.ts';
import { openStore } from '../../server/db/open-store.ts';
import { operatorScope } from '../../server/ledger/ledger.ts';
import { StoreLedger } from '../../server/ledger/store-ledger.ts';
import type { Outbox } from '../../server/webhooks/outbox.ts';
import { createDatabase, type TestDatabase } from '../support/postgres-database.ts';

let database: TestDatabase;
let dir: string;
let outbox: Outbox;
let ledger: StoreLedger;
/** Another node's connection: it takes the account's lock and keeps it until told. */
let otherNode: postgres.Sql;

beforeAll(async () => {
  database = await createDatabase();
  dir = mkdtempSync(join(tmpdir(), 'tally-group-commit-'));
  const opened = await openStore(database.url, join(dir, 'tally.sqlite'), 1);
  outbox = opened.outbox;
  ledger = await StoreLedger.open(opened.store, systemClock, demoCatalog);
  otherNode = postgres(database.url, { max: 2, onnotice: () => {} });
});
afterAll(async () => {
  await otherNode?.end();
  await outbox?.close();
  await ledger?.close();
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** Backends of this database waiting for a lock. */
async function waitingForLocks(): Promise<number> {
  const [row] = await otherNode<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_stat_activity
    WHERE datname = current_database() AND wait_event_type = 'Lock'`;
  return row?.n ?? 0;
}

test('debits that arrive while their batch waits for the account lock commit with it, in one transaction', async () => {
  const { accountId, memberId } = await ledger.atomically(operatorScope, async (tx) => {
    const state = await tx.openAccount({
      name: 'Shared',
      planId: 'scale',
      startAt: systemClock.now().toISOString(),
    });
    const { member } = await tx.addMember(state.id, { name: 'Ada', role: 'admin' });
    return { accountId: state.id, memberId: member.id };
  });
  const debit = () =>
    ledger.atomically(accountId, (tx) =>
      tx.apply(accountId, {
        kind: 'usage',
        memberId,
        operation: 'smart-crop',
        quantity: 1,
        overage: 'deny',
      }),
    );

  const held = await otherNode.reserve();
  await held`BEGIN`;
  await held`SELECT id FROM accounts WHERE id = ${accountId} FOR UPDATE`;
  const first = debit();
  await expect.poll(waitingForLocks).toBe(1);
  const later = Array.from({ length: 9 }, debit);
  await held`COMMIT`;
  held.release();
  const outcomes = await Promise.all([first, ...later]);

  expect(outcomes.every(({ applied }) => applied.ok)).toBe(true);
  const [row] = await otherNode<{ debits: number; transactions: number }[]>`
    SELECT count(*)::int AS debits, count(DISTINCT xmin::text)::int AS transactions
    FROM entries WHERE account_id = ${accountId} AND kind = 'usage'`;
  expect(row).toEqual({ debits: 10, transactions: 1 });
});
