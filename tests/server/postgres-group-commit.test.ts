// Group commit on PostgreSQL when another node holds the account's lock: what arrives while a
// batch waits for the lock goes into that batch, so a hot account shared by several nodes pays
// one commit per turn of each node, not one per arrival. On an account another node writes to,
// a batch asks for the lock only once this node's arrivals have settled.
import { join } from 'node:path';
import type postgres from 'postgres';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { demoCatalog } from '../../lib/billing/index.ts';
import { hashToken } from '../../server/auth.ts';
import { systemClock } from '../../server/clock.ts';
import { openStore } from '../../server/db/open-store.ts';
import { operatorScope } from '../../server/ledger/ledger.ts';
import type { Store } from '../../server/ledger/store.ts';
import { StoreLedger } from '../../server/ledger/store-ledger.ts';
import { type LedgerNode, openLedgerNode, waitingForLocks } from '../support/postgres-node.ts';

let node: LedgerNode;
let store: Store;
let ledger: StoreLedger;
/** Another node's connection: it takes an account's lock and keeps it until told. */
let otherNode: postgres.Sql;

beforeAll(async () => {
  node = await openLedgerNode(1);
  ({ store, ledger, otherNode } = node);
});
afterAll(() => node?.close());

/** A new Scale account with one member, and a Smart Crop debit of it through `on`. */
async function sharedAccount() {
  const { accountId, memberId, token } = await ledger.atomically(operatorScope, async (tx) => {
    const state = await tx.openAccount({
      name: 'Shared',
      planId: 'scale',
      startAt: systemClock.now().toISOString(),
    });
    const { member, token } = await tx.addMember(state.id, { name: 'Ada', role: 'admin' });
    return { accountId: state.id, memberId: member.id, token };
  });
  const debitOn = (on: StoreLedger) =>
    on.atomically(accountId, (tx) =>
      tx.apply(accountId, {
        kind: 'usage',
        memberId,
        operation: 'smart-crop',
        quantity: 1,
        overage: 'deny',
      }),
    );
  return { accountId, token, debitOn };
}

/** How many of the account's usage entries there are, and in how many transactions. */
async function usageTransactions(accountId: string) {
  const [row] = await otherNode<{ debits: number; transactions: number }[]>`
    SELECT count(*)::int AS debits, count(DISTINCT xmin::text)::int AS transactions
    FROM entries WHERE account_id = ${accountId} AND kind = 'usage'`;
  return row;
}

test('debits that arrive while their batch waits for the account lock commit with it, in one transaction', async () => {
  const { accountId, debitOn } = await sharedAccount();
  const debit = () => debitOn(ledger);

  const held = await otherNode.reserve();
  await held`BEGIN`;
  await held`SELECT id FROM accounts WHERE id = ${accountId} FOR UPDATE`;
  const first = debit();
  await expect.poll(() => waitingForLocks(otherNode)).toBe(1);
  const later = Array.from({ length: 9 }, debit);
  await held`COMMIT`;
  held.release();
  const outcomes = await Promise.all([first, ...later]);

  expect(outcomes.every(({ applied }) => applied.ok)).toBe(true);
  expect(await usageTransactions(accountId)).toEqual({ debits: 10, transactions: 1 });
});

test('once another node writes the account, a batch asks for its lock after the arrivals settle', async () => {
  const { accountId, token, debitOn } = await sharedAccount();
  // This node has met the account (as a request with its token does), so it follows it.
  await ledger.findMemberByTokenHash(hashToken(token));
  const heard: number[] = [];
  ledger.onChange((state) => {
    if (state.id === accountId) heard.push(state.version);
  });
  const other = await openStore(node.database.url, join(node.dir, 'other.sqlite'), 1);
  const otherLedger = await StoreLedger.open(other.store, systemClock, demoCatalog);
  try {
    const { applied } = await debitOn(otherLedger);
    await expect.poll(() => heard.includes(applied.state.version)).toBe(true);
  } finally {
    await other.outbox.close();
    await otherLedger.close();
  }

  // Ten debits arrive here, one per turn of the event loop; note how many had arrived when
  // the first transaction began.
  const write = store.write.bind(store);
  const begunAfter: number[] = [];
  let arrived = 0;
  store.write = (work, group) => {
    begunAfter.push(arrived);
    return write(work, group);
  };
  try {
    const debits: Promise<unknown>[] = [];
    for (let turn = 0; turn < 10; turn++) {
      debits.push(debitOn(ledger));
      arrived += 1;
      await new Promise((next) => setImmediate(next));
    }
    await Promise.all(debits);
  } finally {
    store.write = write;
  }
  expect(begunAfter).toEqual([10]);
  expect(await usageTransactions(accountId)).toEqual({ debits: 11, transactions: 2 });
});
