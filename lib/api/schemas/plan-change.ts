import * as z from '../zod.ts';
import { CreditsSchema, IdSchema, InstantSchema, UsdSchema } from './decimal.ts';

/** What changing plan now would do (docs/billing.md, Plan changes). */
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

// The type is lib/billing's (one definition); domain-agreement.ts fails to type-check when
// this schema stops matching it.
export type { PlanChangePreview, PlanChangePreview as PlanChange } from '../../billing/types.ts';
