// The idempotency store on a real SQLite file: keys live at least 24 hours, then are pruned.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { schemaVersion } from '../../server/db/migrations.ts';
import { type Db, openDatabase } from '../../server/db/open.ts';
import { IdempotencyStore, keepKeysMs, requestHash } from '../../server/idempotency.ts';

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

test('a key is replayed for 24 hours and forgotten after', () => {
  let now = Date.UTC(2026, 4, 1);
  const store = new IdempotencyStore(open(), () => now);
  const hash = requestHash('POST', '/v1/usage', { operation: 'smart-crop', quantity: 1 });
  let runs = 0;
  const produce = () => {
    runs += 1;
    return { status: 201, body: { run: runs } };
  };
  const once = () => db.transaction(() => store.run('acct_1', 'k', hash, produce))();
  expect(once()).toEqual({ status: 201, body: { run: 1 } });
  now += keepKeysMs - 1;
  expect(store.prune()).toBe(0);
  expect(once()).toEqual({ status: 201, body: { run: 1 } });
  now += 2;
  expect(store.prune()).toBe(1);
  expect(once()).toEqual({ status: 201, body: { run: 2 } });
});

test('a different request under a used key is refused; a thrown answer is not kept', () => {
  const store = new IdempotencyStore(open());
  const a = requestHash('POST', '/v1/usage', { quantity: 1 });
  const b = requestHash('POST', '/v1/usage', { quantity: 2 });
  db.transaction(() => store.run('acct_1', 'k', a, () => ({ status: 201, body: {} })))();
  expect(() => store.run('acct_1', 'k', b, () => ({ status: 201, body: {} }))).toThrow(
    expect.objectContaining({ code: 'idempotency_conflict' }),
  );
  expect(() =>
    db.transaction(() =>
      store.run('acct_1', 'boom', a, () => {
        throw new Error('bug');
      }),
    )(),
  ).toThrow('bug');
  const replay = db.transaction(() =>
    store.run('acct_1', 'boom', a, () => ({ status: 201, body: { ok: 1 } })),
  )();
  expect(replay.body).toEqual({ ok: 1 });
});
