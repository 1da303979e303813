import { formatsFor } from '../i18n/formats.ts';
import { CREDIT_CHANGE, CREDITS, checkDecimalText } from './decimal-text.ts';
import type { Credits, Instant, Usd } from './types.ts';

// Tally's own records (ledger descriptions, charges, errors) are written in American English;
// what a person reads in the UI goes through lib/i18n in their locale.
const english = formatsFor('en-US');

/** "4570" → "4,570" */
export function formatCreditAmount(credits: Credits): string {
  return english.creditAmount(credits);
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
  return english.usd(usd);
}

/** A unit price, 4 places half-up: "0.05470459" → "$0.0547" */
export function formatUnitUsd(usd: Usd): string {
  return english.unitUsd(usd);
}

/** "2026-11-02T09:00:00.000Z" → "Nov 2" (UTC, the cycle's own calendar) */
export function formatDay(instant: Instant): string {
  return english.day(instant);
}

/** "2026-11-02T09:00:00.000Z" → "resets Nov 2" */
export function formatResetDate(instant: Instant): string {
  return `resets ${formatDay(instant)}`;
}

/** "2026-11-02T09:00:00.000Z" → "Nov 2, 2026" (UTC) */
export function formatDate(instant: Instant): string {
  return english.date(instant);
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
