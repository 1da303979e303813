import * as z from '../zod.ts';
import { IdSchema, InstantSchema, SignedUsdSchema } from './decimal.ts';

export const ChargeSchema = z.object({
  id: IdSchema,
  at: InstantSchema,
  kind: z.enum(['subscription', 'overage']),
  amountUsd: SignedUsdSchema,
  description: z.string(),
  /** The ledger entry that caused the charge, when one did. */
  entryId: z.exactOptional(IdSchema),
});

/** Newest first; `next` is the `before` cursor of the following page, null at the end. */
export const ChargesPageSchema = z.object({
  charges: z.array(ChargeSchema),
  next: z.nullable(z.string()),
});

export type Charge = z.infer<typeof ChargeSchema>;
export type ChargesPage = z.infer<typeof ChargesPageSchema>;
