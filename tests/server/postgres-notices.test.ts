// How nodes hear of each other's commits: the NOTIFY is part of the transaction of the change.
import postgres from 'postgres';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ChangeNotices } from '../../server/db/postgres-notices.ts';
import { type AccountWrite, emptyChanges, type RemoteChange } from '../../server/ledger/store.ts';
import { createDatabase, type TestDatabase } from '../support/postgres-database.ts';

let database: TestDatabase;
let sql: postgres.Sql;
let sender: ChangeNotices;
let receiver: ChangeNotices;
const heard: RemoteChange[] = [];

beforeAll(async () => {
  database = await createDatabase();
  sql = postgres(database.url, { max: 1, onnotice: () => {} });
  sender = new ChangeNotices(database.url);
  receiver = new ChangeNotices(database.url);
  await receiver.listen(
    (change) => heard.push(change),
    () => {},
  );
});
afterAll(async () => {
  await receiver?.close();
  await sender?.close();
  await sql?.end();
  await database?.drop();
});

/** Runs `send` in a transaction on a connection of its own, as the store does; `commit` or roll back. */
async function inTransaction(send: (tx: postgres.Sql) => Promise<unknown>, commit = true) {
  const tx = await sql.reserve();
  try {
    await tx`BEGIN`;
    await send(tx);
    await (commit ? tx`COMMIT` : tx`ROLLBACK`);
  } finally {
    tx.release();
  }
}

/** A transaction's changes to `count` accounts, each now at version 7. */
function changesOf(count: number, prefix: string) {
  const changes = emptyChanges();
  for (let i = 0; i < count; i++) {
    const id = `acct_${prefix}_${String(i).padStart(4, '0')}`;
    changes.accounts.set(id, { state: { version: 7 } } as unknown as AccountWrite);
  }
  return changes;
}

test('a transaction that changed 600 accounts is heard whole (12 KB of changes, split under the 8,000-byte payload limit)', async () => {
  const changes = changesOf(600, 'many');
  await inTransaction((tx) => sender.send(tx, changes));
  await expect
    .poll(() => heard.filter((c) => c.accountId.startsWith('acct_many_')).length)
    .toBe(600);
  expect(
    heard.filter((c) => c.accountId.startsWith('acct_many_')).every((c) => c.version === 7),
  ).toBe(true);
});

test('a transaction that rolls back is never heard of', async () => {
  await inTransaction((tx) => sender.send(tx, changesOf(1, 'undone')), false);
  await inTransaction((tx) => sender.send(tx, changesOf(1, 'after')));
  await expect.poll(() => heard.some((c) => c.accountId.startsWith('acct_after_'))).toBe(true);
  expect(heard.some((c) => c.accountId.startsWith('acct_undone_'))).toBe(false);
});

test('a node does not hear its own notices', async () => {
  const own: RemoteChange[] = [];
  const node = new ChangeNotices(database.url);
  try {
    await node.listen(
      (change) => own.push(change),
      () => {},
    );
    await inTransaction((tx) => node.send(tx, changesOf(1, 'own')));
    await inTransaction((tx) => sender.send(tx, changesOf(1, 'later')));
    // Each listener gets notices in commit order: hearing the later one, it had its own before.
    await expect.poll(() => own.some((c) => c.accountId.startsWith('acct_later_'))).toBe(true);
    expect(own.some((c) => c.accountId.startsWith('acct_own_'))).toBe(false);
  } finally {
    await node.close();
  }
});
