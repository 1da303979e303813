import { CREDIT_CHANGE, CREDITS, checkDecimalText, USD } from './decimal-text.ts';
import { instantMs } from './instant.ts';
import type { Credits, Instant, Usd } from './types.ts';

// Intl.NumberFormat formats decimal *strings* exactly (no trip through a binary float) and
// rounds them half-up (its default `halfExpand`, for amounts that are never negative), so every
// formatter below hands it the checked decimal text, never a number, and needs no decimal
// library. TypeScript's ES2022 lib only knows the number overload, hence the one cast here.
function formatText(format: Intl.NumberFormat, decimalText: string): string {
  return (format.format as unknown as (value: string) => string)(decimalText);
}

// signDisplay 'negative': "-0" (an exact zero change) is written "0".
const creditAmount = new Intl.NumberFormat('en-US', {
  maximumFractionDigits: 3,
  signDisplay: 'negative',
});
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
  return formatText(creditAmount, checkDecimalText(credits, CREDIT_CHANGE));
}

/** The plural rules of every count Tally writes ("1 credit", "384 Smart Crops"). */
export const englishPlurals = new Intl.PluralRules('en-US');

/**
 * "credit" or "credits" for a decimal string ("1 credit", "1.5 credits", "-1 credit"): in
 * English only exactly one takes the singular, which the exact decimal says without a float.
 */
export function creditUnit(credits: Credits): 'credit' | 'credits' {
  return /^-?0*1(\.0*)?$/.test(checkDecimalText(credits, CREDIT_CHANGE)) ? 'credit' : 'credits';
}

/** "4570" → "4,570 credits"; "1" → "1 credit" */
export function formatCredits(credits: Credits): string {
  return `${formatCreditAmount(credits)} ${creditUnit(credits)}`;
}

/** A charge: "0.41" → "$0.41" */
export function formatUsd(usd: Usd): string {
  return formatText(dollars, checkDecimalText(usd, USD));
}

/** A unit price, 4 places half-up: "0.05470459" → "$0.0547" */
export function formatUnitUsd(usd: Usd): string {
  return formatText(unitDollars, checkDecimalText(usd, USD));
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
  if (!/[1-9]/.test(checkDecimalText(overageCredits, CREDITS))) return '';
  return `; ${formatCredits(overageCredits)} overage: ${formatUsd(overageUsd)}`;
}
