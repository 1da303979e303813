import { expect, test } from 'vitest';
import { backoffDelay } from '../../lib/extension/backoff.ts';

const policy = (random: number) => ({ baseMs: 500, maxMs: 15_000, random: () => random });

test('the delay doubles with every failed attempt', () => {
  const delays = [0, 1, 2, 3].map((attempt) => backoffDelay(attempt, policy(0.999_999)));
  expect(delays).toEqual([500, 1000, 2000, 4000]);
});

test('the delay never passes the ceiling, however many attempts failed', () => {
  expect(backoffDelay(10, policy(0.999_999))).toBe(15_000);
  expect(backoffDelay(1000, policy(0.999_999))).toBe(15_000);
});

test('jitter keeps at least half the nominal delay, so retries never stampede back at once', () => {
  expect(backoffDelay(2, policy(0))).toBe(1000);
  expect(backoffDelay(2, policy(0.5))).toBe(1500);
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const delay = backoffDelay(attempt);
    const nominal = Math.min(15_000, 500 * 2 ** attempt);
    expect(delay).toBeGreaterThanOrEqual(nominal / 2);
    expect(delay).toBeLessThanOrEqual(nominal);
  }
});
