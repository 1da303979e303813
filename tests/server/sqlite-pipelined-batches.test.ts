// SQLite's batches in flight: the next batch decides while the one before commits, and reads
// what that one will have written; should that commit fail, the batch built on it fails too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { demoCatalog } from '../../lib/billing/index.ts';
import { systemClock } from '../../server/clock.ts';
import { openStore } from '../../server/db/open-store.ts';
import type { SqliteStore } from '../../server/db/sqlite-store.ts';
import { operatorScope } from '../../server/ledger/ledger.ts';
import { StoreLedger } from '../../server/ledger/store-ledger.ts';
import { testStoreIsPostgres } from '../support/postgres-database.ts';
import { until } from '../support/until.ts';

let cleanUp = async () => {};
afterEach(() => cleanUp());

/**
 * A ledger on a SQLite file whose commits wait at a gate the test opens: `fail` makes the
 * commit of that number (1 = the first gated) fail, as a full disk would.
 */
async function gated(fail?: number) {
  const dir = mkdtempSync(join(tmpdir(), 'tally-pipelined-'));
  const { store, outbox } = await openStore(undefined, join(dir, 'tally.sqlite'), 1);
  const ledger = await StoreLedger.open(store, systemClock, demoCatalog);
  cleanUp = async () => {
    await outbox.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  const account = await ledger.atomically(operatorScope, (tx) =>
    tx.openAccount({ name: 'Pipelined', planId: 'growth', startAt: new Date().toISOString() }),
  );
  const sqlite = store as SqliteStore;
  const commit = sqlite.commit.bind(sqlite);
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  let sent = 0;
  sqlite.commit = async (writes) => {
    const number = ++sent;
    await gate;
    if (number === fail) throw new Error('disk I/O error');
    return commit(writes);
  };
  const crops = (quantity: number, key: string) =>
    ledger.atomically(account.id, async (tx) => {
      const replayed = await tx.storedAnswer(account.id, key);
      const { applied } = await tx.apply(account.id, {
        kind: 'usage',
        memberId: 'mem_test',
        operation: 'smart-crop',
        quantity,
        overage: 'deny',
      });
      if (!replayed)
        tx.storeAnswer(account.id, key, { requestHash: key, status: 201, body: {}, text: '{}' });
      return { replayed, applied };
    });
  return { ledger, account, crops, open, sent: () => sent };
}

/** A hold of `quantity` Smart Crops, reserved in one transaction. */
function reserve(ledger: StoreLedger, accountId: string, holdId: string) {
  return ledger.atomically(accountId, (tx) =>
    tx.apply(accountId, {
      kind: 'reserve',
      memberId: 'mem_test',
      holdId,
      operation: 'smart-crop',
      quantity: 10,
      overage: 'deny',
    }),
  );
}

describe.skipIf(testStoreIsPostgres())('SQLite batches in flight', () => {
  test('the next batch decides while the one before commits, on the state that one leaves', async () => {
    const { ledger, account, crops, open, sent } = await gated();
    const first = crops(1, 'one');
    await until(() => sent() === 1);
    const second = crops(2, 'one');
    // The second batch has decided and been sent while the first has not committed.
    await until(() => sent() === 2);
    open();
    const [one, two] = await Promise.all([first, second]);
    expect(one.replayed).toBeNull();
    // The second saw the first's answer under the same key, and its account state.
    expect(two.replayed).toMatchObject({ status: 201 });
    expect(two.applied.state.version).toBe(one.applied.state.version + 1);
    expect((await ledger.settled(account.id)).credits.available).toBe('4566.1');
  });

  test('a hold reserved by the batch in flight is found by the next one', async () => {
    const { ledger, account, open, sent } = await gated();
    const reserved = reserve(ledger, account.id, 'hold_1');
    await until(() => sent() === 1);
    const found = ledger.atomically(account.id, (tx) => tx.findHold(account.id, 'hold_1'));
    const unknown = ledger.atomically(account.id, (tx) => tx.findHold('acct_other', 'hold_1'));
    open();
    await reserved;
    expect(await found).toMatchObject({ id: 'hold_1', status: 'pending', credits: '13' });
    expect(await unknown).toBeNull();
  });

  test('when a commit fails, the batch that read what it wrote fails too; nothing of either stays', async () => {
    const { ledger, account, crops, open, sent } = await gated(1);
    const before = await ledger.settled(account.id);
    const first = crops(1, 'one');
    await until(() => sent() === 1);
    const second = crops(2, 'two');
    await until(() => sent() === 2);
    open();
    await expect(first).rejects.toThrow('disk I/O error');
    await expect(second).rejects.toThrow('changed under this transaction');
    const after = await ledger.settled(account.id);
    expect(after.version).toBe(before.version);
    expect(after.credits.available).toBe('4570');
    // The next change builds on what is committed.
    const third = await crops(1, 'three');
    expect(third.replayed).toBeNull();
    expect(third.applied.state.version).toBe(before.version + 1);
  });
});
