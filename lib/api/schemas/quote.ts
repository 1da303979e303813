import * as z from '../zod.ts';
import { CreditsSchema, IdSchema, QuantitySchema, UsdSchema } from './decimal.ts';

export const QuoteOutcomeSchema = z.enum(['covered', 'overage', 'blocked']);
export const BlockedReasonSchema = z.enum(['plan-disallows-overage', 'overage-cap-reached']);

export const QuoteSchema = z.object({
  operation: IdSchema,
  quantity: QuantitySchema,
  credits: CreditsSchema,
  fromPlan: CreditsSchema,
  overageCredits: CreditsSchema,
  overageUsd: UsdSchema,
  /** fromPlan × credit value, 4 decimal places. */
  planValueUsd: UsdSchema,
  availableAfter: CreditsSchema,
  outcome: QuoteOutcomeSchema,
  reason: z.exactOptional(BlockedReasonSchema),
});

// The types are lib/billing's (one definition); domain-agreement.ts fails to type-check when
// these schemas stop matching them.
export type { BlockedReason, Quote, QuoteOutcome } from '../../billing/types.ts';
