// The answers the embed reads, as shape-check.ts shapes. Each mirrors a zod schema of
// schemas/; tests/api/response-shapes.test.ts derives these from the schemas and compares,
// so a field added there and not here fails a test.
import type { LedgerPage } from './schemas/entry.ts';
import type { ErrorBody } from './schemas/errors.ts';
import type { Catalog } from './schemas/plan.ts';
import type { PlanChangePreview } from './schemas/plan-change.ts';
import type { Quote } from './schemas/quote.ts';
import type { PlanChangeResult } from './schemas/responses.ts';
import type { AlertEvent, Snapshot } from './schemas/snapshot.ts';
import { checkShape, type Shape } from './shape-check.ts';

/** What a ledger entry records; schemas/entry.ts builds its enum from this list too. */
export const ENTRY_KINDS = [
  'grant',
  'rollover',
  'expiry',
  'usage',
  'hold',
  'capture',
  'release',
  'plan-change',
] as const;

const PLAN = {
  id: 'id',
  name: 'string',
  priceUsd: 'usd',
  listPriceUsd: 'usd',
  monthlyCredits: 'credits',
  overageUsdPerCredit: 'usd',
  allowsOverage: 'boolean',
  rates: ['record', 'credits'],
} as const satisfies Shape;

const TERM = { start: 'instant', end: 'instant' } as const satisfies Shape;

export const SNAPSHOT_SHAPE = {
  version: 'count',
  asOf: 'instant',
  account: { id: 'id', name: 'string', admins: ['array', { id: 'id', name: 'string' }] },
  member: { id: 'id', name: 'string', role: ['enum', 'admin', 'member'] },
  plan: PLAN,
  cycle: TERM,
  credits: { available: 'credits', held: 'credits', granted: 'credits', used: 'credits' },
  overage: {
    policy: ['enum', 'ask', 'auto'],
    capUsd: ['nullable', 'usd'],
    creditsThisCycle: 'credits',
    usdThisCycle: 'usd',
    heldUsd: ['optional', 'usd'],
  },
  upgradeRequests: { open: 'count' },
  insight: {
    pacePerDay: ['nullable', 'credits'],
    runsOutAt: ['nullable', 'instant'],
    projectedCredits: ['nullable', 'credits'],
    advice: [
      'nullable',
      { planId: 'id', projectedUsd: 'usd', currentProjectedUsd: 'usd', savesUsd: 'usd' },
    ],
  },
  alerts: {
    thresholds: ['array', 'percent'],
    fired: ['array', { threshold: 'alert-threshold', at: 'instant' }],
  },
} as const satisfies Shape;

export const CATALOG_SHAPE = {
  operations: ['array', { id: 'id', name: 'string' }],
  plans: ['array', PLAN],
} as const satisfies Shape;

export const PLAN_CHANGE_PREVIEW_SHAPE = {
  from: 'id',
  to: 'id',
  chargeUsd: 'usd',
  rolledOverCredits: 'credits',
  creditsAfter: 'credits',
  cycleAfter: TERM,
  effectiveAt: 'instant',
} as const satisfies Shape;

export const PLAN_CHANGE_RESULT_SHAPE = {
  change: PLAN_CHANGE_PREVIEW_SHAPE,
  snapshot: SNAPSHOT_SHAPE,
} as const satisfies Shape;

export const LEDGER_PAGE_SHAPE = {
  entries: [
    'array',
    {
      id: 'id',
      at: 'instant',
      kind: ['enum', ...ENTRY_KINDS],
      memberId: ['nullable', 'id'],
      operation: ['optional', 'id'],
      quantity: ['optional', 'quantity'],
      holdId: ['optional', 'id'],
      planId: ['optional', 'id'],
      fromPlanId: ['optional', 'id'],
      terms: ['optional', 'terms'],
      credits: 'signed-credits',
      overageCredits: 'credits',
      amountUsd: 'signed-usd',
      availableAfter: 'credits',
      description: 'string',
    },
  ],
  next: ['nullable', 'string'],
} as const satisfies Shape;

export const QUOTE_SHAPE = {
  operation: 'id',
  quantity: 'quantity',
  credits: 'credits',
  fromPlan: 'credits',
  overageCredits: 'credits',
  overageUsd: 'usd',
  planValueUsd: 'usd',
  availableAfter: 'credits',
  outcome: ['enum', 'covered', 'overage', 'blocked'],
  reason: ['optional', ['enum', 'plan-disallows-overage', 'overage-cap-reached']],
} as const satisfies Shape;

/** The code is read as a string here and looked up by request.ts (errors.ts imports this). */
export const ERROR_BODY_SHAPE = {
  error: { code: 'string', message: 'string', details: ['optional', ['record', 'unknown']] },
} as const satisfies Shape;

export const ALERT_EVENT_SHAPE = {
  threshold: 'alert-threshold',
  at: 'instant',
  available: 'credits',
} as const satisfies Shape;

export const snapshotCheck = checkShape<Snapshot>(SNAPSHOT_SHAPE);
export const alertEventCheck = checkShape<AlertEvent>(ALERT_EVENT_SHAPE);
export const catalogCheck = checkShape<Catalog>(CATALOG_SHAPE);
export const planChangePreviewCheck = checkShape<PlanChangePreview>(PLAN_CHANGE_PREVIEW_SHAPE);
export const planChangeResultCheck = checkShape<PlanChangeResult>(PLAN_CHANGE_RESULT_SHAPE);
export const ledgerPageCheck = checkShape<LedgerPage>(LEDGER_PAGE_SHAPE);
export const quoteCheck = checkShape<Quote>(QUOTE_SHAPE);
export const errorBodyCheck = checkShape<{
  error: Omit<ErrorBody['error'], 'code'> & { code: string };
}>(ERROR_BODY_SHAPE);
