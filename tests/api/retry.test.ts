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

test('idempotency keys are v4 UUIDs, also where randomUUID is missing (plain-http pages)', () => {
  expect(newIdempotencyKey()).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
  const original = crypto.randomUUID;
  Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
  try {
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(50);
    for (const key of keys) {
      expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  } finally {
    Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
  }
});
