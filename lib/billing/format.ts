import {
  Decimal,
  parseCreditChange,
  parseCredits,
  parseUsd,
  roundUnitUsd,
  toUsdString,
} from './decimal';
import { instantMs } from './instant';
import type { Credits, Instant, Usd } from './types';

// Intl.NumberFormat formats decimal *strings* exactly (no trip through a binary float), so
// every formatter below hands it the canonical decimal text, never a number. TypeScript's
// ES2022 lib only knows the number overload, hence the one cast here.
function formatText(format: Intl.NumberFormat, decimalText: string): string {
  return (format.format as unknown as (value: string) => string)(decimalText);
}

const creditAmount = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
const dollars = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const unitDollars = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 4,
  maximumFractionDigits: 4,
});
const monthDay = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const fullDate = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "4570" → "4,570" */
export function formatCreditAmount(credits: Credits): string {
  return formatText(creditAmount, parseCreditChange(credits).toString());
}

/** The plural rules of every count Tally writes ("1 credit", "384 Smart Crops"). */
export const englishPlurals = new Intl.PluralRules('en-US');

/**
 * "credit" or "credits" for a decimal string ("1 credit", "1.5 credits", "-1 credit"): in
 * English only exactly one takes the singular, which the exact decimal says without a float.
 */
export function creditUnit(credits: Credits): 'credit' | 'credits' {
  return parseCreditChange(credits).abs().eq(1) ? 'credit' : 'credits';
}

/** "4570" → "4,570 credits"; "1" → "1 credit" */
export function formatCredits(credits: Credits): string {
  return `${formatCreditAmount(credits)} ${creditUnit(credits)}`;
}

/** A charge: "0.41" → "$0.41" */
export function formatUsd(usd: Usd): string {
  return formatText(dollars, toUsdString(parseUsd(usd)));
}

/** A unit price, 4 places half-up: "0.05470459" → "$0.0547" */
export function formatUnitUsd(usd: Usd): string {
  return formatText(unitDollars, toUsdString(roundUnitUsd(parseUsd(usd)), 4));
}

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

/** "2026-11-02T09:00:00.000Z" → "Nov 2" (UTC, the cycle's own calendar) */
export function formatDay(instant: Instant): string {
  return monthDay.format(instantMs(instant));
}

/** "2026-11-02T09:00:00.000Z" → "resets Nov 2" */
export function formatResetDate(instant: Instant): string {
  return `resets ${formatDay(instant)}`;
}

/** "2026-11-02T09:00:00.000Z" → "Nov 2, 2026" (UTC) */
export function formatDate(instant: Instant): string {
  return fullDate.format(instantMs(instant));
}

/**
 * The overage part of a usage or capture line, for the ledger and the charges list: the
 * charge copies the entry's description, and "$0.21" next to "4.1 credits" reads like an error
 * unless the line says the dollars are for overage. Empty when nothing went to overage.
 */
export function overageNote(overageCredits: Credits, overageUsd: Usd): string {
  if (parseCredits(overageCredits).isZero()) return '';
  return `; ${formatCredits(overageCredits)} overage: ${formatUsd(overageUsd)}`;
}
