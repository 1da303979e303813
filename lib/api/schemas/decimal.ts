import { z } from '../zod.ts';

// Decimal strings, never JSON numbers (API.md, Conventions); BILLING.md allows at most 3
// decimal places for credits (milli-credits). Leading zeros and exponents are not canonical.

/** Credits, non-negative, at most 3 decimal places ("4568.7"). */
export const CreditsSchema = z
  .string()
  .regex(/^(0|[1-9]\d*)(\.\d{1,3})?$/, 'credits: a decimal string with at most 3 decimal places')
  .meta({ id: 'Credits', example: '4568.7' });

/** A signed change of credits ("-1.3"), as ledger entries carry. */
export const SignedCreditsSchema = z
  .string()
  .regex(
    /^-?(0|[1-9]\d*)(\.\d{1,3})?$/,
    'credits: a signed decimal string with at most 3 decimal places',
  )
  .meta({ id: 'SignedCredits', example: '-1.3' });

/** Dollars, non-negative ("0.41", "0.0547"). */
export const UsdSchema = z
  .string()
  .regex(/^(0|[1-9]\d*)(\.\d+)?$/, 'dollars: a decimal string')
  .meta({ id: 'Usd', example: '0.41' });

/** Signed dollars, for amounts a correction may reverse. */
export const SignedUsdSchema = z
  .string()
  .regex(/^-?(0|[1-9]\d*)(\.\d+)?$/, 'dollars: a signed decimal string')
  .meta({ id: 'SignedUsd', example: '0.41' });

/** An ISO-8601 UTC instant ("2026-05-08T00:00:00.000Z"). */
export const InstantSchema = z.iso
  .datetime()
  .meta({ id: 'Instant', example: '2026-05-08T00:00:00.000Z' });

/** How many times an operation runs: a positive integer, at most 10,000 (API.md). */
export const QuantitySchema = z.number().int().min(1).max(10_000).meta({ id: 'Quantity' });

export const IdSchema = z.string().min(1).max(255);
