import * as z from '../zod.ts';
import { CreditsSchema, IdSchema, UsdSchema } from './decimal.ts';

export const OperationSchema = z.object({ id: IdSchema, name: z.string() });

export const PlanSchema = z.object({
  id: IdSchema,
  name: z.string(),
  priceUsd: UsdSchema,
  listPriceUsd: UsdSchema,
  monthlyCredits: CreditsSchema,
  overageUsdPerCredit: UsdSchema,
  allowsOverage: z.boolean(),
  /** Credits per operation, by operation id. */
  rates: z.record(z.string(), CreditsSchema),
});

export const CatalogSchema = z.object({
  operations: z.array(OperationSchema),
  plans: z.array(PlanSchema),
});

// The types are lib/billing's (one definition); domain-agreement.ts fails to type-check when
// these schemas stop matching them.
export type { Catalog, Operation, Plan } from '../../billing/types.ts';
