// The server's ids: a kind prefix, the time they were made (so they sort by it), random bits.
import { expect, test } from 'vitest';
import { newId } from '../../server/auth.ts';

const shape = /^ent_[-0-9A-Za-z_]{20}$/;

test('an id is its kind, 8 digits of time and 12 of random bits; no two are alike', () => {
  const ids = new Set(Array.from({ length: 5_000 }, () => newId('ent', 1_700_000_000_000)));
  expect(ids.size).toBe(5_000);
  for (const id of ids) expect(id).toMatch(shape);
  // Made in the same millisecond: the same time digits.
  expect(new Set([...ids].map((id) => id.slice(0, 12))).size).toBe(1);
});

test('ids sort as text by the time they were made, across every digit of it', () => {
  const times = [0, 1, 63, 64, 4_095, 4_096, 2 ** 32, Date.now(), 2 ** 48 - 1];
  const ids = times.map((time) => newId('ent', time));
  expect([...ids].sort()).toEqual(ids);
  expect(ids[0]?.startsWith('ent_--------')).toBe(true);
  expect(ids.at(-1)?.startsWith('ent_zzzzzzzz')).toBe(true);
});
