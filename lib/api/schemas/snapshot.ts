import * as z from '../zod.ts';
import { CreditsSchema, IdSchema, InstantSchema, UsdSchema } from './decimal.ts';
import { PlanSchema } from './plan.ts';

export const RoleSchema = z.enum(['admin', 'member']);
export const OveragePolicySchema = z.enum(['ask', 'auto']);

export const OverageStateSchema = z.object({
  policy: OveragePolicySchema,
  /** Monthly cap on overage dollars under `auto`; null = no cap. */
  capUsd: z.nullable(UsdSchema),
  creditsThisCycle: CreditsSchema,
  usdThisCycle: UsdSchema,
});

export const SnapshotSchema = z.object({
  /** Grows by one with every change of the account. */
  version: z.int().check(z.minimum(0)),
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
  /** Open upgrade requests: an admin counts all of the account's, a member its own. */
  upgradeRequests: z.object({ open: z.int().check(z.minimum(0)) }),
});

export type Role = z.infer<typeof RoleSchema>;
export type OveragePolicy = z.infer<typeof OveragePolicySchema>;
export type OverageState = z.infer<typeof OverageStateSchema>;
export type Snapshot = z.infer<typeof SnapshotSchema>;
