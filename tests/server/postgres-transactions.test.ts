// One node's write transactions on PostgreSQL: batches of different accounts that wait together
// share one transaction (one commit, one NOTIFY); two batches that lock one account, or a batch
// that fails, run again alone, so no change is lost and no batch fails for another's fault.
import type postgres from 'postgres';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { systemClock } from '../../server/clock.ts';
import { operatorScope } from '../../server/ledger/ledger.ts';
import type { Store } from '../../server/ledger/store.ts';
import type { StoreLedger } from '../../server/ledger/store-ledger.ts';
import { type LedgerNode, openLedgerNode, waitingForLocks } from '../support/postgres-node.ts';

let node: LedgerNode;
let store: Store;
let ledger: StoreLedger;
/** Another node's connection: it takes an account's lock and keeps it until told. */
let otherNode: postgres.Sql;

beforeAll(async () => {
  node = await openLedgerNode(10);
  ({ store, ledger, otherNode } = node);
});
afterAll(() => node?.close());

/** A new Scale account (10,000 credits) with one member. */
async function newAccount() {
  return ledger.atomically(operatorScope, async (tx) => {
    const state = await tx.openAccount({
      name: 'Studio',
      planId: 'scale',
      startAt: systemClock.now().toISOString(),
    });
    const { member } = await tx.addMember(state.id, { name: 'Ada', role: 'admin' });
    return { accountId: state.id, memberId: member.id };
  });
}

/** One Smart Crop (1.2 credits) of the account, decided in a batch of `scope`. */
function debit(account: { accountId: string; memberId: string }, scope = account.accountId) {
  return ledger.atomically(scope, (tx) =>
    tx.apply(account.accountId, {
      kind: 'usage',
      memberId: account.memberId,
      operation: 'smart-crop',
      quantity: 1,
      overage: 'deny',
    }),
  );
}

/**
 * Runs `meanwhile` while this node's transaction waits for an account's lock that another
 * node holds: what it starts waits for that transaction, and goes together into the next.
 */
async function whileOneWaits<T>(meanwhile: () => T): Promise<Awaited<T>> {
  const blocker = await newAccount();
  const held = await otherNode.reserve();
  try {
    await held`BEGIN`;
    await held`SELECT id FROM accounts WHERE id = ${blocker.accountId} FOR UPDATE`;
    const blocked = debit(blocker);
    await expect.poll(() => waitingForLocks(otherNode)).toBe(1);
    const started = meanwhile();
    await held`COMMIT`;
    await blocked;
    return await started;
  } finally {
    held.release();
  }
}

async function usage(accountIds: string[]) {
  const [row] = await otherNode<{ debits: number; transactions: number }[]>`
    SELECT count(*)::int AS debits, count(DISTINCT xmin::text)::int AS transactions
    FROM entries WHERE account_id = ANY(${accountIds}::text[]) AND kind = 'usage'`;
  return row;
}

async function available(accountId: string): Promise<string> {
  const [row] = await otherNode<{ available: string }[]>`
    SELECT state->'credits'->>'available' AS available FROM accounts WHERE id = ${accountId}`;
  return row?.available ?? '';
}

test('debits of many accounts that wait together commit in one transaction', async () => {
  const accounts = await Promise.all(Array.from({ length: 12 }, newAccount));
  const outcomes = await whileOneWaits(() =>
    Promise.all(accounts.map((account) => debit(account))),
  );

  expect(outcomes.every(({ applied }) => applied.ok)).toBe(true);
  const ids = accounts.map(({ accountId }) => accountId);
  expect(await usage(ids)).toEqual({ debits: 12, transactions: 1 });
  for (const id of ids) expect(await available(id)).toBe('9998.8');
});

test('two batches of one transaction that change one account run apart, and neither change is lost', async () => {
  const account = await newAccount();
  // The operator's batch debits the account too: both would write its row in one statement.
  const outcomes = await whileOneWaits(() =>
    Promise.all([debit(account), debit(account, operatorScope)]),
  );

  expect(outcomes.every(({ applied }) => applied.ok)).toBe(true);
  expect(await usage([account.accountId])).toEqual({ debits: 2, transactions: 2 });
  expect(await available(account.accountId)).toBe('9997.6');
});

test('a batch that fails fails alone: the batches it waited with commit', async () => {
  const account = await newAccount();
  const [failed, debited] = await whileOneWaits(() =>
    Promise.allSettled([
      store.write(async () => {
        throw new Error('this batch fails');
      }, 'acct_failing'),
      debit(account),
    ]),
  );

  expect(failed).toMatchObject({ status: 'rejected', reason: { message: 'this batch fails' } });
  expect(debited).toMatchObject({ status: 'fulfilled', value: { applied: { ok: true } } });
  expect(await usage([account.accountId])).toEqual({ debits: 1, transactions: 1 });
});
