// The SQLite store's map of the idempotency keys it holds: never "no" for a key it was given,
// rarely "maybe" for one it was not, and the same size at any number of keys.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
// biome-ignore lint/correctness/useImportExtensions: plain JavaScript the writer thread loads; its types are in answer-key-bits.d.mts
import { bitCount, keyBit, setBit } from '../../server/db/answer-key-bits.mjs';
import { AnswerKeys } from '../../server/db/answer-keys.ts';

/** A map of the file, as the writer thread builds one: the bit of every key listed. */
function mapOf(rows: (readonly [string, string])[]): Uint8Array {
  const bits = new Uint8Array(bitCount / 8);
  for (const [scope, key] of rows) setBit(bits, keyBit(scope, key));
  return bits;
}

test('before its first map every key is "maybe"; a map forgets the keys it does not list', () => {
  const keys = new AnswerKeys();
  expect(keys.mayHave('acct_1', randomUUID())).toBe(true);
  const loaded = Array.from({ length: 1000 }, () => ['acct_1', randomUUID()] as const);
  keys.mapping();
  keys.replace(mapOf(loaded));
  keys.add('acct_2', 'added');
  for (const [scope, key] of loaded) expect(keys.mayHave(scope, key)).toBe(true);
  expect(keys.mayHave('acct_2', 'added')).toBe(true);
  // The same key in another scope is another key.
  expect(keys.mayHave('acct_1', 'added')).toBe(false);
  keys.mapping();
  keys.replace(mapOf([]));
  expect(keys.mayHave('acct_2', 'added')).toBe(false);
});

test('a key added while a map is built is kept in the new map, which may have been read before it', () => {
  const keys = new AnswerKeys();
  keys.mapping();
  keys.add('acct_1', 'while mapping');
  // The writer read the file before the key's commit reached it.
  keys.replace(mapOf([]));
  expect(keys.mayHave('acct_1', 'while mapping')).toBe(true);
  keys.add('acct_1', 'after');
  expect(keys.mayHave('acct_1', 'after')).toBe(true);
  // A map that never comes leaves the one there is, with the keys added since.
  keys.mapping();
  keys.add('acct_1', 'while a map failed');
  keys.notMapped();
  expect(keys.mayHave('acct_1', 'while a map failed')).toBe(true);
  keys.replace(mapOf([]));
  expect(keys.mayHave('acct_1', 'while a map failed')).toBe(false);
  expect(() => keys.replace(new Uint8Array(16))).toThrow('A key map of 16 bytes');
});

test('past 2^24 keys (where a Set of hashes throws) it goes on, and new keys are mostly "no"', () => {
  const keys = new AnswerKeys();
  keys.mapping();
  keys.replace(mapOf([]));
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
