// A Snapshot rendered inside a transaction reads the pace's slice of the ledger on that
// transaction's own connection: on a pool of one, waiting for a second connection would wait
// forever.
import { afterEach, expect, test } from 'vitest';
import { demoCatalog } from '../../lib/billing/index.ts';
import { hashToken } from '../../server/auth.ts';
import { openPostgres } from '../../server/db/postgres-store.ts';
import { operatorScope } from '../../server/ledger/ledger.ts';
import { StoreLedger } from '../../server/ledger/store-ledger.ts';
import { createDatabase } from '../support/postgres-database.ts';

let cleanUp = async () => {};
afterEach(() => cleanUp());

test('a Snapshot in a transaction reads the pace slice through it, on a pool of one connection', async () => {
  const database = await createDatabase();
  const { store, outbox } = await openPostgres(database.url, 1, 1);
  cleanUp = async () => {
    await outbox.close();
    await store.close();
    await database.drop();
  };
  // Ten days into the term: the pace's window starts inside a UTC day, read from the ledger.
  const now = new Date('2027-03-11T15:00:00.000Z');
  const ledger = await StoreLedger.open(store, { now: () => new Date(now) }, demoCatalog);
  const { account, token } = await ledger.atomically(operatorScope, async (tx) => {
    const opened = await tx.openAccount({
      name: 'One connection',
      planId: 'growth',
      startAt: '2027-03-01T09:00:00.000Z',
    });
    const added = await tx.addMember(opened.id, { name: 'Ada', role: 'admin' });
    return { account: opened, token: added.token };
  });
  const member = await ledger.findMemberByTokenHash(hashToken(token));
  if (!member) throw new Error('no member');

  const snapshot = await ledger.atomically(account.id, async (tx) => {
    const { applied } = await tx.apply(account.id, {
      kind: 'usage',
      memberId: member.id,
      operation: 'smart-crop',
      quantity: 10,
      overage: 'deny',
    });
    return ledger.snapshot(applied.state, member.id, tx);
  });
  // 13 credits today, over the window from Mar 4 15:00: 7 days.
  expect(snapshot).toMatchObject({ insight: { pacePerDay: '1.857' } });
}, 30_000);
