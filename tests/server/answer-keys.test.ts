// The SQLite store's map of the idempotency keys it holds: never "no" for a key it was given,
// rarely "maybe" for one it was not, and the same size at any number of keys.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { AnswerKeys } from '../../server/db/answer-keys.ts';

test('a key added or loaded is always "maybe"; a reset forgets the keys it does not list', () => {
  const keys = new AnswerKeys();
  const loaded = Array.from({ length: 1000 }, () => ['acct_1', randomUUID()] as const);
  keys.reset(loaded);
  keys.add('acct_2', 'added');
  for (const [scope, key] of loaded) expect(keys.mayHave(scope, key)).toBe(true);
  expect(keys.mayHave('acct_2', 'added')).toBe(true);
  // The same key in another scope is another key.
  expect(keys.mayHave('acct_1', 'added')).toBe(false);
  keys.reset([]);
  expect(keys.mayHave('acct_2', 'added')).toBe(false);
});

test('past 2^24 keys (where a Set of hashes throws) it goes on, and new keys are mostly "no"', () => {
  const keys = new AnswerKeys();
  const many = 17_000_000;
  for (let i = 0; i < many; i++) keys.add('acct_1', `k${i}`);
  expect(keys.mayHave('acct_1', 'k0')).toBe(true);
  expect(keys.mayHave('acct_1', `k${many - 1}`)).toBe(true);
  let maybe = 0;
  for (let i = 0; i < 10_000; i++) if (keys.mayHave('acct_1', randomUUID())) maybe += 1;
  // 17 M keys in 2^27 bits: about 12 % of new keys are read from the file.
  expect(maybe).toBeGreaterThan(600);
  expect(maybe).toBeLessThan(2000);
});
