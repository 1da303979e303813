import { Decimal, parseCreditChange } from './decimal.ts';
import type { Credits } from './types.ts';

const COMPACT_STEPS = [
  { size: new Decimal('1000000'), suffix: 'M' },
  { size: new Decimal('1000'), suffix: 'k' },
] as const;

/**
 * A short balance for a badge: truncated, never rounded up, so it never shows more credits
 * than there are ("4570" → "4.5k", "950" → "950", "12345" → "12k").
 */
export function formatCompactCredits(credits: Credits): string {
  const value = parseCreditChange(credits);
  for (const { size, suffix } of COMPACT_STEPS) {
    if (value.abs().greaterThanOrEqualTo(size)) {
      const scaled = value.dividedBy(size);
      const places = scaled.abs().lessThan(10) ? 1 : 0;
      return `${scaled.toDecimalPlaces(places, Decimal.ROUND_DOWN).toString()}${suffix}`;
    }
  }
  return value.toDecimalPlaces(0, Decimal.ROUND_DOWN).toString();
}
