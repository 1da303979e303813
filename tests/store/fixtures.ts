// Snapshots in the shapes of docs/api.md, built from the demo catalogue of docs/billing.md so the
// numbers under test come from the plans themselves.
import type { Entry } from '../../lib/api/schemas/entry.ts';
import type { Alerts, Insight, Snapshot } from '../../lib/api/schemas/snapshot.ts';
import { demoCatalog, findPlan } from '../../lib/billing/catalog.ts';
import type {
  Credits,
  OperationId,
  OveragePolicy,
  Plan,
  PlanId,
  Role,
  Usd,
} from '../../lib/billing/types.ts';

const ada = { id: 'mem_ada', name: 'Ada' };
const milo = { id: 'mem_milo', name: 'Milo' };

export interface SnapshotOptions {
  plan?: PlanId;
  available?: Credits;
  held?: Credits;
  used?: Credits;
  granted?: Credits;
  role?: Role;
  version?: number;
  policy?: OveragePolicy;
  capUsd?: Usd | null;
  usdThisCycle?: Usd;
  /** Overage consented to by pending holds (counts against the cap). */
  heldUsd?: Usd;
  openUpgradeRequests?: number;
  accountId?: string;
  cycle?: { start: string; end: string };
  insight?: Partial<Insight>;
  alerts?: Partial<Alerts>;
}

export function snapshotOf(options: SnapshotOptions = {}): Snapshot {
  const plan = findPlan(demoCatalog, options.plan ?? 'growth');
  const member =
    options.role === 'member'
      ? { ...milo, role: 'member' as const }
      : { ...ada, role: 'admin' as const };
  return {
    version: options.version ?? 1,
    asOf: '2026-11-20T10:00:00.000Z',
    account: { id: options.accountId ?? 'acc_acme', name: 'Acme Studio', admins: [ada] },
    member,
    plan,
    cycle: options.cycle ?? { start: '2026-11-02T09:00:00.000Z', end: '2026-12-02T09:00:00.000Z' },
    credits: {
      available: options.available ?? plan.monthlyCredits,
      held: options.held ?? '0',
      granted: options.granted ?? plan.monthlyCredits,
      used: options.used ?? '0',
    },
    overage: {
      policy: options.policy ?? 'ask',
      capUsd: options.capUsd ?? null,
      creditsThisCycle: '0',
      usdThisCycle: options.usdThisCycle ?? '0.00',
      heldUsd: options.heldUsd ?? '0.00',
    },
    upgradeRequests: { open: options.openUpgradeRequests ?? 0 },
    insight: {
      pacePerDay: null,
      runsOutAt: null,
      projectedCredits: null,
      advice: null,
      ...options.insight,
    },
    alerts: { thresholds: [20, 5], fired: [], ...options.alerts },
  };
}

/** A ledger entry as the API sends it: one of Ada's usages, unless `fields` say otherwise. */
export function entryOf(fields: Partial<Entry> & Pick<Entry, 'credits' | 'description'>): Entry {
  return {
    id: 'ent_1',
    at: '2026-11-20T10:40:00.000Z',
    kind: 'usage',
    memberId: 'mem_ada',
    overageCredits: '0',
    amountUsd: '0',
    availableAfter: '0',
    ...fields,
  };
}

/** The demo catalogue's plans with Scale, the top one, allowing no overage: a vendor's choice. */
export const topPlanWithoutOverage: Plan[] = demoCatalog.plans.map((plan) =>
  plan.id === 'scale' ? { ...plan, allowsOverage: false } : plan,
);

/**
 * `plans` as a vendor might price them instead: on each plan `on` picks, `operation` costs
 * `rate` credits, or is not priced at all (null).
 */
export function withRate(
  plans: readonly Plan[],
  on: (id: PlanId) => boolean,
  operation: OperationId,
  rate: Credits | null,
): Plan[] {
  return plans.map((plan) => {
    if (!on(plan.id)) return plan;
    const { [operation]: _old, ...rates } = plan.rates;
    return { ...plan, rates: rate === null ? rates : { ...rates, [operation]: rate } };
  });
}

/** The demo's plans with no plan above Free pricing Lifestyle Crops. */
export const noLifestyleCropAbove = withRate(
  demoCatalog.plans,
  (id) => id !== 'free',
  'lifestyle-crop',
  null,
);
