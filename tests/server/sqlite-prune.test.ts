// SQLite: old idempotency answers are pruned on the writer thread, in turn with the batches,
// a few thousand per transaction, so the batches that come meanwhile commit between them.
// While another connection (a backup, a second tool) holds the file's write lock, the prune
// waits there, and the server's own thread goes on serving. The writer then maps the keys
// that are left, and the server finds them by that map; until its first map, in the file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, test } from 'vitest';
import { demoCatalog } from '../../lib/billing/index.ts';
import { systemClock } from '../../server/clock.ts';
import type { AnswerKeys } from '../../server/db/answer-keys.ts';
import { openDatabase } from '../../server/db/open.ts';
import { openStore } from '../../server/db/open-store.ts';
import { keepKeysMs } from '../../server/idempotency.ts';
import { operatorScope } from '../../server/ledger/ledger.ts';
import type { Store } from '../../server/ledger/store.ts';
import { StoreLedger } from '../../server/ledger/store-ledger.ts';
import { testStoreIsPostgres } from '../support/postgres-database.ts';

let cleanUp = async () => {};
afterEach(() => cleanUp());

test.skipIf(testStoreIsPostgres())(
  'a prune waits for a write lock held elsewhere without holding up the server’s thread',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-prune-'));
    const path = join(dir, 'tally.sqlite');
    const { store, outbox } = await openStore(undefined, path, 1);
    const other = new Database(path);
    cleanUp = async () => {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
      await outbox.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    };
    let now = Date.UTC(2026, 4, 1);
    const ledger = await StoreLedger.open(store, systemClock, demoCatalog, () => now);
    await ledger.atomically(operatorScope, async (tx) =>
      tx.storeAnswer(operatorScope, 'old', { requestHash: 'h', status: 201, body: {}, text: '{}' }),
    );
    now += keepKeysMs + 1;
    await ledger.atomically(operatorScope, async (tx) =>
      tx.storeAnswer(operatorScope, 'kept', {
        requestHash: 'h',
        status: 201,
        body: {},
        text: '{}',
      }),
    );

    other.exec('BEGIN IMMEDIATE');
    const pruning = ledger.pruneAnswers(now - keepKeysMs);
    // The thread is free: timers run while the prune waits for the lock.
    for (let turn = 0; turn < 5; turn++) await new Promise((done) => setTimeout(done, 10));
    expect(other.inTransaction).toBe(true);
    other.exec('COMMIT');
    expect(await pruning).toBe(1);
    expect(await ledger.pruneAnswers(now - keepKeysMs)).toBe(0);
    // The writer mapped the keys left: the kept one is still found, the pruned one is not.
    const stored = (key: string) =>
      ledger.atomically(operatorScope, (tx) => tx.storedAnswer(operatorScope, key));
    expect(await stored('kept')).toMatchObject({ status: 201 });
    expect(await stored('old')).toBeNull();
  },
);

test.skipIf(testStoreIsPostgres())(
  'a prune of thousands of keys lets the batches that come meanwhile commit between its deletes',
  async () => {
    const now = Date.UTC(2026, 4, 2);
    const { store, path } = await seeded(now, 9000, 3000);
    const ledger = await StoreLedger.open(store, systemClock, demoCatalog, () => now);
    const stored = (key: string) =>
      ledger.atomically(operatorScope, (tx) => tx.storedAnswer(operatorScope, key));
    // The keys are being mapped on the writer thread: meanwhile they are found in the file.
    expect(await stored('kept-2999')).toMatchObject({ status: 201 });

    let pruned: number | undefined;
    const pruning = ledger.pruneAnswers(now - keepKeysMs).then((count) => {
      pruned = count;
    });
    await ledger.atomically(operatorScope, async (tx) =>
      tx.storeAnswer(operatorScope, 'new', { requestHash: 'h', status: 201, body: {}, text: '{}' }),
    );
    // It committed between the prune's deletes: old keys were still in the file then.
    expect(pruned).toBeUndefined();
    const reader = new Database(path, { readonly: true });
    const old = reader.prepare<[number], { n: number }>(
      'SELECT count(*) AS n FROM idempotency_keys WHERE created_at < ?',
    );
    expect(old.get(now - keepKeysMs)?.n).toBeGreaterThan(0);
    await pruning;
    expect(old.get(now - keepKeysMs)?.n).toBe(0);
    reader.close();
    expect(pruned).toBe(9000);
    for (const key of ['new', 'kept-0', 'kept-2999']) {
      expect(await stored(key)).toMatchObject({ status: 201 });
    }
    for (const key of ['old-0', 'old-8999']) expect(await stored(key)).toBeNull();
    // The writer mapped the keys left: a pruned key costs no read of the file.
    expect(keysOf(store).mayHave(operatorScope, 'old-0')).toBe(false);
  },
);

test.skipIf(testStoreIsPostgres())(
  'a prune that ends while a map is under way has the keys mapped again after it',
  async () => {
    const now = Date.UTC(2026, 4, 2);
    const { store } = await seeded(now, 4000, 100_000);
    // Straight after the store opens, its first map (50 turns of 2,000 keys) is under way, and
    // the prune's deletes are done long before it: that map read the old keys before them.
    expect(await store.pruneAnswers(now - keepKeysMs)).toBe(4000);
    const keys = keysOf(store);
    expect(keys.mayHave(operatorScope, 'old-0')).toBe(false);
    expect(keys.mayHave(operatorScope, 'old-3999')).toBe(false);
    expect(keys.mayHave(operatorScope, 'kept-0')).toBe(true);
    expect(keys.mayHave(operatorScope, 'kept-99999')).toBe(true);
  },
);

/** The SQLite store's map of its keys (answer-keys.ts), which the server asks before the file. */
function keysOf(store: Store): AnswerKeys {
  return (store as unknown as { answerKeys: AnswerKeys }).answerKeys;
}

/**
 * A store on a new file that holds `old` keys older than kept at `now`, then `kept` new ones,
 * written straight into it before the store opens.
 */
async function seeded(now: number, old: number, kept: number) {
  const dir = mkdtempSync(join(tmpdir(), 'tally-prune-'));
  const path = join(dir, 'tally.sqlite');
  const db = openDatabase(path);
  const insert = db.prepare('INSERT INTO idempotency_keys VALUES (?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < old; i++)
      insert.run(operatorScope, `old-${i}`, 'h', 201, '{}', now - keepKeysMs - i - 1);
    for (let i = 0; i < kept; i++) insert.run(operatorScope, `kept-${i}`, 'h', 201, '{}', now - i);
  })();
  db.close();
  const { store, outbox } = await openStore(undefined, path, 1);
  cleanUp = async () => {
    await outbox.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { store, path };
}
