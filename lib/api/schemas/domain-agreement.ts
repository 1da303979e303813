import type * as billing from '../../billing/types.ts';
import type * as z from '../zod.ts';
import type { EntrySchema } from './entry.ts';
import type { HoldSchema } from './hold.ts';
import type { CatalogSchema, OperationSchema, PlanSchema } from './plan.ts';
import type { PlanChangePreviewSchema } from './plan-change.ts';
import type { QuoteSchema } from './quote.ts';
import type { OverageStateSchema } from './snapshot.ts';

// Compile-time only: the wire shapes and lib/billing's domain shapes must stay one shape.
// Each check fails to type-check (`true` is not assignable to `never`) when they drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;

export const domainAgreement: [
  Same<z.infer<typeof OperationSchema>, billing.Operation>,
  Same<z.infer<typeof PlanSchema>, billing.Plan>,
  Same<z.infer<typeof CatalogSchema>, billing.Catalog>,
  Same<z.infer<typeof OverageStateSchema>, billing.OverageState>,
  Same<z.infer<typeof QuoteSchema>, billing.Quote>,
  Same<z.infer<typeof HoldSchema>, billing.Hold>,
  Same<z.infer<typeof PlanChangePreviewSchema>, billing.PlanChangePreview>,
  Same<z.infer<typeof EntrySchema>, billing.EntryDraft & { id: string }>,
] = [true, true, true, true, true, true, true, true];
