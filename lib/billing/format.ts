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

/** How one locale writes Tally's numbers, money and dates; money stays in USD whatever the locale. */
export interface Formats {
  readonly locale: string;
  /** "4570" → "4,570" (en), "4.570" (de), "4 570" (fr); at most 3 places. */
  creditAmount(credits: Credits): string;
  /** A charge: "0.41" → "$0.41", "0,41 $". */
  usd(usd: Usd): string;
  /** A unit price, 4 places half-up: "0.05470459" → "$0.0547". */
  unitUsd(usd: Usd): string;
  /** A whole count: 1234 → "1,234". */
  count(count: number): string;
  /** "2026-11-02T09:00:00.000Z" → "Nov 2" (UTC, the cycle's own calendar). */
  day(instant: Instant): string;
  /** "2026-11-02T09:00:00.000Z" → "Nov 2, 2026" (UTC). */
  date(instant: Instant): string;
  /** The plural category of a count or a decimal string of credits, for choosing a message. */
  plural(amount: number | Credits): Intl.LDMLPluralRule;
}

const cache = new Map<string, Formats>();

/** The formats of `locale` (a BCP 47 tag), built once per locale. */
export function formatsFor(locale: string): Formats {
  const known = cache.get(locale);
  if (known) return known;
  // signDisplay 'negative': "-0" (an exact zero change) is written "0".
  const creditAmount = new Intl.NumberFormat(locale, {
    maximumFractionDigits: 3,
    signDisplay: 'negative',
  });
  const money = (places: number) =>
    new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'USD',
      minimumFractionDigits: places,
      maximumFractionDigits: places,
    });
  const dollars = money(2);
  const unitDollars = money(4);
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const monthDay = new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
  const fullDate = new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const plurals = new Intl.PluralRules(locale);
  const formats: Formats = {
    locale,
    creditAmount: (credits) => formatText(creditAmount, checkDecimalText(credits, CREDIT_CHANGE)),
    usd: (usd) => formatText(dollars, checkDecimalText(usd, USD)),
    unitUsd: (usd) => formatText(unitDollars, checkDecimalText(usd, USD)),
    count: (count) => whole.format(count),
    day: (instant) => monthDay.format(instantMs(instant)),
    date: (instant) => fullDate.format(instantMs(instant)),
    // The category only picks a sentence; nothing is computed with it. PluralRules reads a
    // number, and the credits shown have at most 3 places, which a double holds exactly
    // enough to say "1" from "1.5" (English "1 credit", "1.5 credits"; French "1,5 crédit").
    plural: (amount) =>
      plurals.select(
        typeof amount === 'number' ? amount : Number(checkDecimalText(amount, CREDIT_CHANGE)),
      ),
  };
  cache.set(locale, formats);
  return formats;
}

// Tally's own records (ledger descriptions, charges, errors) are written in American English;
// what a person reads in the UI goes through lib/i18n in their locale.
const english = formatsFor('en-US');

/** "4570" → "4,570" */
export function formatCreditAmount(credits: Credits): string {
  return english.creditAmount(credits);
}

/**
 * "credit" or "credits" for a decimal string ("1 credit", "1.5 credits", "-1 credit"): in
 * English only exactly one takes the singular, which the exact decimal says without a float.
 */
function creditUnit(credits: Credits): 'credit' | 'credits' {
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
