import * as z from '../zod.ts';
import { CreditsSchema, IdSchema, InstantSchema, UsdSchema } from './decimal.ts';

/** What changing plan now would do (BILLING.md, Plan changes). */
export const PlanChangePreviewSchema = z.object({
  from: IdSchema,
  to: IdSchema,
  chargeUsd: UsdSchema,
  rolledOverCredits: CreditsSchema,
  creditsAfter: CreditsSchema,
  /** The term after the change: [effectiveAt, next renewal). */
  cycleAfter: z.object({ start: InstantSchema, end: InstantSchema }),
  effectiveAt: InstantSchema,
});

/** The `change` of `POST /v1/plan-changes`: the preview as it was applied. */
export const PlanChangeSchema = PlanChangePreviewSchema;

export type PlanChangePreview = z.infer<typeof PlanChangePreviewSchema>;
export type PlanChange = z.infer<typeof PlanChangeSchema>;
