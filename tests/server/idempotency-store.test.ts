// Idempotency answers in the ledger's store: kept with the change, replayed for at least 24
// hours, then pruned; a different request under a used key is refused.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { demoCatalog } from '../../lib/billing/index.ts';
import { systemClock } from '../../server/clock.ts';
import { schemaVersion } from '../../server/db/migrations.ts';
import { type Db, openDatabase } from '../../server/db/open.ts';
import { SqliteStore } from '../../server/db/sqlite-store.ts';
import { IdempotencyStore, keepKeysMs, requestHash } from '../../server/idempotency.ts';
import { operatorScope } from '../../server/ledger/ledger.ts';
import { StoreLedger } from '../../server/ledger/store-ledger.ts';

let dir: string;
let db: Db;
afterEach(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

function open() {
  dir = mkdtempSync(join(tmpdir(), 'tally-idem-'));
  db = openDatabase(join(dir, 'tally.sqlite'));
  return db;
}

test('the schema is migrated and versioned, and a second open changes nothing', () => {
  const first = open();
  const versions = first.prepare('SELECT version FROM schema_migrations').pluck().all();
  expect(versions).toEqual([schemaVersion]);
  expect(first.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(first.pragma('synchronous', { simple: true })).toBe(2); // FULL
  first.close();
  db = openDatabase(join(dir, 'tally.sqlite'));
  expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(1);
});

async function ledgerAt(wallClock: () => number) {
  return StoreLedger.open(new SqliteStore(open()), systemClock, demoCatalog, wallClock);
}

test('a key is replayed for 24 hours and forgotten after', async () => {
  let now = Date.UTC(2026, 4, 1);
  const ledger = await ledgerAt(() => now);
  const store = new IdempotencyStore();
  const hash = requestHash('POST', '/v1/usage', { operation: 'smart-crop', quantity: 1 });
  let runs = 0;
  const produce = async () => {
    runs += 1;
    return { status: 201, body: { run: runs } };
  };
  const once = () =>
    ledger.atomically(operatorScope, (tx) => store.run(tx, operatorScope, 'k', hash, produce));
  expect(await once()).toEqual({ status: 201, body: { run: 1 } });
  now += keepKeysMs - 1;
  expect(await ledger.pruneAnswers(now - keepKeysMs)).toBe(0);
  expect(await once()).toEqual({ status: 201, body: { run: 1 } });
  now += 2;
  expect(await ledger.pruneAnswers(now - keepKeysMs)).toBe(1);
  expect(await once()).toEqual({ status: 201, body: { run: 2 } });
});

test('a different request under a used key is refused; a thrown answer is not kept', async () => {
  const ledger = await ledgerAt(Date.now);
  const store = new IdempotencyStore();
  const a = requestHash('POST', '/v1/usage', { quantity: 1 });
  const b = requestHash('POST', '/v1/usage', { quantity: 2 });
  const run = (
    key: string,
    hash: string,
    produce: () => Promise<{ status: number; body: unknown }>,
  ) => ledger.atomically(operatorScope, (tx) => store.run(tx, operatorScope, key, hash, produce));
  await run('k', a, async () => ({ status: 201, body: {} }));
  await expect(run('k', b, async () => ({ status: 201, body: {} }))).rejects.toMatchObject({
    code: 'idempotency_conflict',
  });
  await expect(
    run('boom', a, async () => {
      throw new Error('bug');
    }),
  ).rejects.toThrow('bug');
  const replay = await run('boom', a, async () => ({ status: 201, body: { ok: 1 } }));
  expect(replay.body).toEqual({ ok: 1 });
});
