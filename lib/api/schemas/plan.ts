import { z } from '../zod.ts';
import { CreditsSchema, IdSchema, UsdSchema } from './decimal.ts';

export const OperationSchema = z
  .object({ id: IdSchema, name: z.string() })
  .meta({ id: 'Operation', example: { id: 'smart-crop', name: 'Smart Crop' } });

export const PlanSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    priceUsd: UsdSchema,
    listPriceUsd: UsdSchema,
    monthlyCredits: CreditsSchema,
    overageUsdPerCredit: UsdSchema,
    allowsOverage: z.boolean(),
    /** Credits per operation, by operation id. */
    rates: z.record(z.string(), CreditsSchema),
  })
  .meta({ id: 'Plan' });

export const CatalogSchema = z
  .object({ operations: z.array(OperationSchema), plans: z.array(PlanSchema) })
  .meta({ id: 'Catalog' });

export type Operation = z.infer<typeof OperationSchema>;
export type Plan = z.infer<typeof PlanSchema>;
export type Catalog = z.infer<typeof CatalogSchema>;
