import {
  CREDITS_TEXT,
  MAX_ID_LENGTH,
  MAX_QUANTITY,
  SIGNED_CREDITS_TEXT,
  SIGNED_USD_TEXT,
  USD_TEXT,
} from '../shape-check.ts';
import * as z from '../zod.ts';

// Decimal strings, never JSON numbers (docs/api.md, Conventions); docs/billing.md allows at most 3
// decimal places for credits (milli-credits). Leading zeros and exponents are not canonical.

/** Credits, non-negative, at most 3 decimal places ("4568.7"). */
export const CreditsSchema = z
  .string()
  .check(z.regex(CREDITS_TEXT, 'credits: a decimal string, at most 3 decimals'));

/** A signed change of credits ("-1.3"), as ledger entries carry. */
export const SignedCreditsSchema = z
  .string()
  .check(z.regex(SIGNED_CREDITS_TEXT, 'credits: a signed decimal, at most 3 decimals'));

/** Dollars, non-negative ("0.41", "0.0547"). */
export const UsdSchema = z.string().check(z.regex(USD_TEXT, 'dollars: a decimal string'));

/** Signed dollars, for amounts a correction may reverse. */
export const SignedUsdSchema = z
  .string()
  .check(z.regex(SIGNED_USD_TEXT, 'dollars: a signed decimal string'));

/** A whole percentage from 1 to 99 (a low-balance alert's threshold). */
export const PercentSchema = z.int().check(z.minimum(1), z.maximum(99));

/** An ISO-8601 UTC instant ("2026-05-08T00:00:00.000Z"). */
export const InstantSchema = z.iso.datetime();

/** How many times an operation runs: a positive integer, at most 10,000 (docs/api.md). */
export const QuantitySchema = z.int().check(z.minimum(1), z.maximum(MAX_QUANTITY));

/** How many terms an entry written once for an account's terms at rest stands for. */
export const TermsSchema = z.int().check(z.minimum(2));

export const IdSchema = z.string().check(z.minLength(1), z.maxLength(MAX_ID_LENGTH));
