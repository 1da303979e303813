// PostgreSQL: old idempotency answers are pruned a few thousand per transaction.
// A key another transaction holds is left for the next prune rather than waited for, and nodes
// that prune at once share the work: each old key is deleted once, the kept ones stay.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { openStore } from '../../server/db/open-store.ts';
import { keepKeysMs } from '../../server/idempotency.ts';
import { operatorScope } from '../../server/ledger/ledger.ts';
import type { Store } from '../../server/ledger/store.ts';
import type { Outbox } from '../../server/webhooks/outbox.ts';
import { createDatabase, type TestDatabase } from '../support/postgres-database.ts';
import { signal } from '../support/signal.ts';

const now = Date.UTC(2026, 4, 2);
const before = now - keepKeysMs;
const oldKeys = 12_000;
const keptKeys = 3_000;

let database: TestDatabase;
let dir: string;
let sql: postgres.Sql;
const opened: { store: Store; outbox: Outbox }[] = [];

async function node(): Promise<Store> {
  const node = await openStore(database.url, join(dir, `node-${opened.length}.sqlite`), 1);
  opened.push(node);
  return node.store;
}

beforeAll(async () => {
  database = await createDatabase();
  dir = mkdtempSync(join(tmpdir(), 'tally-prune-'));
  await node();
  sql = postgres(database.url, { max: 2, onnotice: () => {} });
});
afterAll(async () => {
  for (const { store, outbox } of opened) {
    await outbox.close();
    await store.close();
  }
  await sql?.end();
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  await sql`
    INSERT INTO idempotency_keys (scope, key, request_hash, status, body, created_at)
    SELECT ${operatorScope}, 'old-' || i, 'h', 201, '{}', ${before}::bigint - 1 - i
    FROM generate_series(0, ${oldKeys - 1}) AS i`;
  await sql`
    INSERT INTO idempotency_keys (scope, key, request_hash, status, body, created_at)
    SELECT ${operatorScope}, 'kept-' || i, 'h', 201, '{}', ${now}::bigint - i
    FROM generate_series(0, ${keptKeys - 1}) AS i`;
});
afterEach(async () => {
  await sql`DELETE FROM idempotency_keys`;
});

async function left(): Promise<{ old: number; kept: number }> {
  const [row] = await sql<{ old: number; kept: number }[]>`
    SELECT count(*) FILTER (WHERE created_at < ${before})::int AS old,
      count(*) FILTER (WHERE created_at >= ${before})::int AS kept
    FROM idempotency_keys`;
  return row ?? { old: -1, kept: -1 };
}

test('a prune deletes every old key, over several transactions, and keeps the rest', async () => {
  const [store] = opened.map((node) => node.store);
  // A trigger of this test's database notes the transaction of each delete.
  await sql.unsafe(`
    CREATE TABLE prune_transactions (xid bigint);
    CREATE FUNCTION note_prune() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN INSERT INTO prune_transactions VALUES (txid_current()); RETURN NULL; END $$;
    CREATE TRIGGER noted AFTER DELETE ON idempotency_keys
      FOR EACH STATEMENT EXECUTE FUNCTION note_prune();`);
  try {
    expect(await store?.pruneAnswers(before)).toBe(oldKeys);
    const [{ n } = { n: 0 }] = await sql<{ n: number }[]>`
      SELECT count(DISTINCT xid)::int AS n FROM prune_transactions`;
    expect(n).toBeGreaterThanOrEqual(3);
  } finally {
    await sql.unsafe(`DROP TRIGGER noted ON idempotency_keys; DROP FUNCTION note_prune();
      DROP TABLE prune_transactions;`);
  }
  expect(await left()).toEqual({ old: 0, kept: keptKeys });
  expect(await store?.pruneAnswers(before)).toBe(0);
});

test('a key another transaction holds is left for the next prune, not waited for', async () => {
  const [store] = opened.map((node) => node.store);
  const released = signal();
  const holding = signal();
  const other = sql.begin(async (tx) => {
    await tx`SELECT 1 FROM idempotency_keys WHERE scope = ${operatorScope} AND key = 'old-7'
      FOR UPDATE`;
    holding.fire();
    await released.done;
  });
  await holding.done;
  const pruned = await Promise.race([
    store?.pruneAnswers(before),
    new Promise<string>((done) => setTimeout(() => done('waited for the held key'), 10_000)),
  ]);
  released.fire();
  await other;
  expect(pruned).toBe(oldKeys - 1);
  expect(await left()).toEqual({ old: 1, kept: keptKeys });
  expect(await store?.pruneAnswers(before)).toBe(1);
  expect(await left()).toEqual({ old: 0, kept: keptKeys });
});

test('two nodes pruning at once delete each old key once between them', async () => {
  const [first] = opened.map((node) => node.store);
  const second = await node();
  const counts = await Promise.all([first?.pruneAnswers(before), second.pruneAnswers(before)]);
  expect((counts[0] ?? 0) + (counts[1] ?? 0)).toBe(oldKeys);
  expect(await left()).toEqual({ old: 0, kept: keptKeys });
});
