import { expect, test } from 'vitest';
import { newIdempotencyKey } from '../../lib/api/idempotency.ts';
import { backoffMs, retryAfterMs } from '../../lib/api/retry.ts';

const options = { retries: 5, baseMs: 100, maxMs: 1_000 };

test('full jitter: a draw below a ceiling that doubles up to maxMs', () => {
  const top = () => 0.999_999;
  expect([0, 1, 2, 3, 4, 10].map((attempt) => backoffMs(attempt, options, top))).toEqual([
    99, 199, 399, 799, 999, 999,
  ]);
  expect(backoffMs(3, options, () => 0)).toBe(0);
  for (let i = 0; i < 100; i++) {
    const delay = backoffMs(2, options);
    expect(delay).toBeGreaterThanOrEqual(0);
    expect(delay).toBeLessThan(400);
  }
});

test('Retry-After in seconds or as an HTTP date', () => {
  const now = Date.parse('2026-05-08T10:00:00Z');
  expect(retryAfterMs('3', now)).toBe(3_000);
  expect(retryAfterMs('Fri, 08 May 2026 10:00:05 GMT', now)).toBe(5_000);
  expect(retryAfterMs('Fri, 08 May 2026 09:00:00 GMT', now)).toBe(0);
  expect(retryAfterMs(null, now)).toBeUndefined();
  expect(retryAfterMs('soon', now)).toBeUndefined();
});

const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('idempotency keys are v7 UUIDs: the time first (as in RFC 9562), then random bits', () => {
  // RFC 9562, appendix A.6: 2022-02-22 19:22:22 UTC is 0x017F22E279B0 milliseconds.
  const key = newIdempotencyKey(Date.UTC(2022, 1, 22, 19, 22, 22));
  expect(key).toMatch(uuidV7);
  expect(key.startsWith('017f22e2-79b0-7')).toBe(true);
  const sameMs = new Set(Array.from({ length: 50 }, () => newIdempotencyKey(1_700_000_000_000)));
  expect(sameMs.size).toBe(50);
  for (const each of sameMs) expect(each).toMatch(uuidV7);
});

test('idempotency keys sort by the time they were made, across every bit of it', () => {
  const times = [0, 1, 255, 256, 2 ** 32 - 1, 2 ** 32, Date.now(), 2 ** 48 - 1];
  const keys = times.map((time) => newIdempotencyKey(time));
  expect([...keys].sort()).toEqual(keys);
  expect(keys.at(-1)?.startsWith('ffffffff-ffff-7')).toBe(true);
});

test('idempotency keys need no randomUUID (missing on plain-http pages)', () => {
  const original = crypto.randomUUID;
  Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
  try {
    expect(newIdempotencyKey()).toMatch(uuidV7);
  } finally {
    Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
  }
});
