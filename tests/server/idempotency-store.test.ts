// Idempotency answers in the ledger's store: kept with the change, replayed for at least 24
// hours, then pruned; a different request under a used key is refused.
import { afterEach, expect, test } from 'vitest';
import { demoCatalog } from '../../lib/billing/index.ts';
import { systemClock } from '../../server/clock.ts';
import { IdempotencyStore, keepKeysMs, requestHash } from '../../server/idempotency.ts';
import { operatorScope } from '../../server/ledger/ledger.ts';
import { StoreLedger } from '../../server/ledger/store-ledger.ts';
import { openTestStore } from '../support/test-store.ts';

let close = async () => {};
afterEach(() => close());

async function ledgerAt(wallClock: () => number) {
  const opened = await openTestStore();
  close = opened.close;
  return StoreLedger.open(opened.store, systemClock, demoCatalog, wallClock);
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
  expect(await once()).toMatchObject({ status: 201, body: { run: 1 } });
  now += keepKeysMs - 1;
  expect(await ledger.pruneAnswers(now - keepKeysMs)).toBe(0);
  expect(await once()).toMatchObject({ status: 201, body: { run: 1 } });
  now += 2;
  expect(await ledger.pruneAnswers(now - keepKeysMs)).toBe(1);
  expect(await once()).toMatchObject({ status: 201, body: { run: 2 } });
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
