import * as z from '../zod.ts';
import { CreditsSchema, IdSchema, InstantSchema, PercentSchema, UsdSchema } from './decimal.ts';
import { PlanSchema } from './plan.ts';

export const RoleSchema = z.enum(['admin', 'member']);
export const OveragePolicySchema = z.enum(['ask', 'auto']);

export const OverageStateSchema = z.object({
  policy: OveragePolicySchema,
  /** Monthly cap on overage dollars under `auto`; null = no cap. */
  capUsd: z.nullable(UsdSchema),
  creditsThisCycle: CreditsSchema,
  usdThisCycle: UsdSchema,
  /**
   * Overage consented to by pending holds: it counts against the cap until they resolve. Absent
   * from servers before it was added; read as none.
   */
  heldUsd: z.optional(UsdSchema),
});

/** A low-balance alert: a whole percentage of the term's granted credits, or none left. */
export const AlertThresholdSchema = z.union([PercentSchema, z.literal('exhausted')]);

/** docs/billing.md "Insight": pace, run-out and plan advice; everything null before 24 h of the term. */
export const InsightSchema = z.object({
  /** Credits a day, 3 places, half-up. */
  pacePerDay: z.nullable(CreditsSchema),
  /** When the credits run out at this pace; only when before `cycle.end`. */
  runsOutAt: z.nullable(InstantSchema),
  /** This term's credits at this pace on the current plan. */
  projectedCredits: z.nullable(CreditsSchema),
  advice: z.nullable(
    z.object({
      planId: IdSchema,
      /** The advised plan's projected cost this term. */
      projectedUsd: UsdSchema,
      /** The current plan's projected cost this term, its overage included. */
      currentProjectedUsd: UsdSchema,
      savesUsd: UsdSchema,
    }),
  ),
});

/** The alerts that fired this term, in order. */
export const FiredAlertSchema = z.object({ threshold: AlertThresholdSchema, at: InstantSchema });

export const AlertsSchema = z.object({
  /** Percent of the term's granted credits, highest first. */
  thresholds: z.array(PercentSchema),
  fired: z.array(FiredAlertSchema),
});

/** `event: alert` on the live streams: an alert fired by a committed change. */
export const AlertEventSchema = z.object({
  threshold: AlertThresholdSchema,
  at: InstantSchema,
  available: CreditsSchema,
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
  insight: InsightSchema,
  alerts: AlertsSchema,
});

export type Role = z.infer<typeof RoleSchema>;
export type OveragePolicy = z.infer<typeof OveragePolicySchema>;
export type OverageState = z.infer<typeof OverageStateSchema>;
export type Snapshot = z.infer<typeof SnapshotSchema>;
export type Insight = z.infer<typeof InsightSchema>;
export type Alerts = z.infer<typeof AlertsSchema>;
export type AlertEvent = z.infer<typeof AlertEventSchema>;
