import { z } from '../zod.ts';
import { CreditsSchema, IdSchema, InstantSchema, UsdSchema } from './decimal.ts';
import { PlanSchema } from './plan.ts';

export const RoleSchema = z.enum(['admin', 'member']).meta({ id: 'Role' });
export const OveragePolicySchema = z.enum(['ask', 'auto']).meta({ id: 'OveragePolicy' });

export const OverageStateSchema = z
  .object({
    policy: OveragePolicySchema,
    /** Monthly cap on overage dollars under `auto`; null = no cap. */
    capUsd: UsdSchema.nullable(),
    creditsThisCycle: CreditsSchema,
    usdThisCycle: UsdSchema,
  })
  .meta({ id: 'OverageState' });

export const SnapshotSchema = z
  .object({
    /** Grows by one with every change of the account. */
    version: z.number().int().nonnegative(),
    asOf: InstantSchema,
    account: z.object({
      id: IdSchema,
      name: z.string(),
      /** Whom a member asks to upgrade. */
      admins: z.array(z.object({ id: IdSchema, name: z.string() })),
    }),
    member: z.object({ id: IdSchema, name: z.string(), role: RoleSchema }),
    plan: PlanSchema,
    /** The current term, [start, end). */
    cycle: z.object({ start: InstantSchema, end: InstantSchema }),
    credits: z.object({
      available: CreditsSchema,
      held: CreditsSchema,
      /** Allotment + rollover of the current term. */
      granted: CreditsSchema,
      used: CreditsSchema,
    }),
    overage: OverageStateSchema,
  })
  .meta({ id: 'Snapshot' });

export type Role = z.infer<typeof RoleSchema>;
export type OveragePolicy = z.infer<typeof OveragePolicySchema>;
export type OverageState = z.infer<typeof OverageStateSchema>;
export type Snapshot = z.infer<typeof SnapshotSchema>;
