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

export type QuoteOutcome = z.infer<typeof QuoteOutcomeSchema>;
export type BlockedReason = z.infer<typeof BlockedReasonSchema>;
export type Quote = z.infer<typeof QuoteSchema>;
