// One node's write transactions on PostgreSQL: batches of different accounts that wait together
// share one transaction (one commit, one NOTIFY); two batches that lock one account, or a batch
// that fails, run again alone, so no change is lost and no batch fails for another's fault.
import type postgres from 'postgres';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { systemClock } from '../../server/clock.ts';
import { IdempotencyStore } from '../../server/idempotency.ts';
import { operatorScope } from '../../server/ledger/ledger.ts';
import { emptyChanges, type Store } from '../../server/ledger/store.ts';
import type { StoreLedger } from '../../server/ledger/store-ledger.ts';
import {
  type LedgerNode,
  openLedgerNode,
  scaleAccount,
  waitingForLocks,
} from '../support/postgres-node.ts';
import { signal } from '../support/signal.ts';

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
function newAccount() {
  return scaleAccount(ledger, 'Studio');
}

type Account = Awaited<ReturnType<typeof newAccount>>;

/** One Smart Crop (1.2 credits) of the account, decided in a batch of `scope`. */
function debit(account: Account, scope = account.accountId) {
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
 * Runs `meanwhile` while this node's transaction runs a batch that takes its time: what
 * `meanwhile` starts waits for it, and goes into the next transaction.
 */
async function whileOneRuns<T>(meanwhile: () => T): Promise<Awaited<T>> {
  const finished = signal();
  const running = signal();
  const slow = store.write(async () => {
    running.fire();
    await finished.done;
    return { changes: emptyChanges(), result: null };
  }, 'slow');
  await running.done;
  const started = meanwhile();
  // Two turns of the event loop: the batches of what started are made, and wait.
  await nextTurn();
  await nextTurn();
  finished.fire();
  await slow;
  return await started;
}

function nextTurn(): Promise<void> {
  return new Promise((done) => setImmediate(done));
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
  const outcomes = await whileOneRuns(() => Promise.all(accounts.map((account) => debit(account))));

  expect(outcomes.every(({ applied }) => applied.ok)).toBe(true);
  const ids = accounts.map(({ accountId }) => accountId);
  expect(await usage(ids)).toEqual({ debits: 12, transactions: 1 });
  for (const id of ids) expect(await available(id)).toBe('9998.8');
});

test('two batches of one transaction that change one account run apart, and neither change is lost', async () => {
  const account = await newAccount();
  // The operator's batch debits the account too: both would write its row in one statement.
  const outcomes = await whileOneRuns(() =>
    Promise.all([debit(account), debit(account, operatorScope)]),
  );

  expect(outcomes.every(({ applied }) => applied.ok)).toBe(true);
  expect(await usage([account.accountId])).toEqual({ debits: 2, transactions: 2 });
  expect(await available(account.accountId)).toBe('9997.6');
});

test('a batch that fails fails alone: the batches it waited with commit', async () => {
  const account = await newAccount();
  const [failed, debited] = await whileOneRuns(() =>
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

test('two batches of one account that wait together go into successive transactions, and hold up no other', async () => {
  const [account, ...others] = await Promise.all(Array.from({ length: 6 }, newAccount));
  if (!account) throw new Error('no account');
  const outcomes = await whileOneRuns(async () => {
    const first = debit(account);
    // A turn later: a second batch of the same account (its first one has not begun yet).
    await nextTurn();
    return Promise.all([first, debit(account), ...others.map((other) => debit(other))]);
  });

  expect(outcomes.every(({ applied }) => applied.ok)).toBe(true);
  expect(await usage([account.accountId])).toEqual({ debits: 2, transactions: 2 });
  const ids = others.map(({ accountId }) => accountId);
  expect(await usage(ids)).toEqual({ debits: 5, transactions: 1 });
  expect(await available(account.accountId)).toBe('9997.6');
});

test('the same operator key twice, waiting together, applies once', async () => {
  const idempotency = new IdempotencyStore();
  const name = `Studio ${Math.random()}`;
  const open = () =>
    ledger.atomically(operatorScope, (tx) =>
      idempotency.run(tx, operatorScope, 'key-1', 'same request', async () => {
        const state = await tx.openAccount({
          name,
          planId: 'scale',
          startAt: systemClock.now().toISOString(),
        });
        return { status: 201, body: { id: state.id } };
      }),
    );
  const answers = await whileOneRuns(async () => {
    const first = open();
    await nextTurn();
    return Promise.all([first, open()]);
  });

  expect(answers[1].body).toEqual(answers[0].body);
  const [row] = await otherNode<{ n: number }[]>`
    SELECT count(*)::int AS n FROM accounts WHERE name = ${name}`;
  expect(row?.n).toBe(1);
});

test.each([
  ['its own debit', (account: Account) => debit(account)],
  // The operator's batch locks the account only once its job asks for it, after the others'.
  ["an operator's change of it", (account: Account) => debit(account, operatorScope)],
])('an account another node keeps locked holds up %s only', async (_, change) => {
  const [stalled, ...others] = await Promise.all(Array.from({ length: 4 }, newAccount));
  if (!stalled) throw new Error('no account');
  const held = await otherNode.reserve();
  try {
    await held`BEGIN`;
    await held`SELECT id FROM accounts WHERE id = ${stalled.accountId} FOR UPDATE`;
    let stalledDone = false;
    const stalledChange = change(stalled).finally(() => {
      stalledDone = true;
    });
    await expect.poll(() => waitingForLocks(otherNode)).toBe(1);
    const debits = Promise.all(others.map((other) => debit(other)));
    const inTime = await Promise.race([
      debits.then(() => true),
      new Promise<false>((done) => setTimeout(() => done(false), 5_000)),
    ]);
    expect(inTime).toBe(true);
    expect(stalledDone).toBe(false);
    await held`COMMIT`;
    expect((await stalledChange).applied.ok).toBe(true);
  } finally {
    held.release();
  }
  const ids = [stalled, ...others].map(({ accountId }) => accountId);
  expect(await usage(ids)).toMatchObject({ debits: 4 });
});

test('more accounts another node keeps locked than the node has connections hold up their own debits only', async () => {
  const accounts = await Promise.all(Array.from({ length: 15 }, newAccount));
  const stalled = accounts.slice(0, 12);
  const others = accounts.slice(12);
  const held = await otherNode.reserve();
  try {
    await held`BEGIN`;
    await held`SELECT id FROM accounts
      WHERE id = ANY(${stalled.map(({ accountId }) => accountId)}::text[]) FOR UPDATE`;
    let stalledDone = 0;
    const stalledDebits = stalled.map((account) =>
      debit(account).finally(() => {
        stalledDone += 1;
      }),
    );
    // Their transaction in the node's turn gave up; they wait alone, on many connections.
    await expect.poll(() => waitingForLocks(otherNode), { timeout: 5_000 }).toBeGreaterThan(2);
    const debits = Promise.all(others.map((other) => debit(other)));
    const inTime = await Promise.race([
      debits.then(() => true),
      new Promise<false>((done) => setTimeout(() => done(false), 5_000)),
    ]);
    expect(inTime).toBe(true);
    expect(stalledDone).toBe(0);
    // Those that waited in vain alone too wait on half the node's 10 connections, no more.
    await expect.poll(() => waitingForLocks(otherNode), { timeout: 5_000 }).toBe(5);
    await held`COMMIT`;
    for (const outcome of await Promise.all(stalledDebits)) expect(outcome.applied.ok).toBe(true);
  } finally {
    held.release();
  }
  expect(await usage(accounts.map(({ accountId }) => accountId))).toMatchObject({ debits: 15 });
});

test('a batch whose write is refused midway commits none of its writes (those sent before it too) and fails with its error', async () => {
  const account = await newAccount();
  const [before] = await otherNode<{ version: string }[]>`
    SELECT version::text FROM accounts WHERE id = ${account.accountId}`;
  // The account's update goes out first, the entry behind it without a description (the
  // client sends an undefined as NULL, which the column refuses), the COMMIT right behind.
  const failing = store.write(async (batch) => {
    const state = await batch.lockAccount(account.accountId);
    if (!state) throw new Error('no account');
    const changes = emptyChanges();
    changes.accounts.set(account.accountId, {
      name: 'Studio',
      state: { ...state, version: state.version + 1 },
      before: state.version,
      createdAt: new Date().toISOString(),
    });
    changes.entries.push({
      id: 'ent_unsendable',
      accountId: account.accountId,
      at: new Date().toISOString(),
      kind: 'usage',
      memberId: account.memberId,
      credits: '-1.2',
      overageCredits: '0',
      amountUsd: '0.00',
      availableAfter: '9998.8',
      description: undefined as unknown as string,
    });
    return { changes, result: null };
  }, account.accountId);
  await expect(failing).rejects.toThrow(/null value in column "description"/);
  const [after] = await otherNode<{ version: string }[]>`
    SELECT version::text FROM accounts WHERE id = ${account.accountId}`;
  expect(after?.version).toBe(before?.version);
  expect(await otherNode`SELECT id FROM entries WHERE id = 'ent_unsendable'`).toHaveLength(0);
  // The connection it ran on serves the next debit as if nothing happened.
  await debit(account);
  expect(await usage([account.accountId])).toMatchObject({ debits: 1 });
});
