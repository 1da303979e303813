import * as z from '../zod.ts';
import { CreditsSchema, IdSchema, InstantSchema, QuantitySchema, UsdSchema } from './decimal.ts';

export const HoldStatusSchema = z.enum(['pending', 'captured', 'released', 'expired']);

/** docs/api.md's Hold, extended with lib/billing's memberId, createdAt and resolvedAt. */
export const HoldSchema = z.object({
  id: IdSchema,
  memberId: IdSchema,
  operation: IdSchema,
  quantity: QuantitySchema,
  /** Plan credits reserved (the quote's fromPlan). */
  credits: CreditsSchema,
  /** Overage credits consented to at reserve time. */
  overageCredits: CreditsSchema,
  overageUsd: UsdSchema,
  /** The plan's overage rate when the hold was made: a capture charges at it. */
  overageUsdPerCredit: UsdSchema,
  status: HoldStatusSchema,
  createdAt: InstantSchema,
  expiresAt: InstantSchema,
  resolvedAt: z.nullable(InstantSchema),
});

// The types are lib/billing's (one definition); domain-agreement.ts fails to type-check when
// this schema stops matching them.
export type { Hold, HoldStatus } from '../../billing/types.ts';
