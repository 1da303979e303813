// Wire examples in the numbers of docs/billing.md: Studio North on Growth (4,570 credits a month).

export const growthPlan = {
  id: 'growth',
  name: 'Growth',
  priceUsd: '250',
  listPriceUsd: '500',
  monthlyCredits: '4570',
  overageUsdPerCredit: '0.10',
  allowsOverage: true,
  rates: { 'smart-crop': '1.3', 'background-removal': '2.8', 'lifestyle-crop': '4.1' },
};

export function snapshot(version = 7, available = '4568.7') {
  return {
    version,
    asOf: '2026-05-08T10:00:00.000Z',
    account: { id: 'acc_1', name: 'Studio North', admins: [{ id: 'mem_ada', name: 'Ada' }] },
    member: { id: 'mem_milo', name: 'Milo', role: 'member' },
    plan: growthPlan,
    cycle: { start: '2026-05-06T00:00:00.000Z', end: '2026-06-06T00:00:00.000Z' },
    credits: { available, held: '0', granted: '4570', used: '1.3' },
    overage: { policy: 'ask', capUsd: null, creditsThisCycle: '0', usdThisCycle: '0' },
    upgradeRequests: { open: 0 },
    insight: { pacePerDay: null, runsOutAt: null, projectedCredits: null, advice: null },
    alerts: { thresholds: [20, 5], fired: [] },
  };
}

/** 0.5 available, smart crop 1.3: 0.5 from the plan, 0.8 overage → $0.08. */
export const overageQuote = {
  operation: 'smart-crop',
  quantity: 1,
  credits: '1.3',
  fromPlan: '0.5',
  overageCredits: '0.8',
  overageUsd: '0.08',
  planValueUsd: '0.0274',
  availableAfter: '0',
  outcome: 'overage',
};

export const usageEntry = {
  id: 'ent_12',
  at: '2026-05-08T10:00:00.000Z',
  kind: 'usage',
  memberId: 'mem_milo',
  operation: 'smart-crop',
  quantity: 1,
  credits: '-1.3',
  overageCredits: '0',
  amountUsd: '0',
  availableAfter: '4568.7',
  description: 'Smart Crop × 1',
};

export const pendingHold = {
  id: 'hold_1',
  memberId: 'mem_milo',
  operation: 'lifestyle-crop',
  quantity: 2,
  credits: '8.2',
  overageCredits: '0',
  overageUsd: '0',
  overageUsdPerCredit: '0.10',
  status: 'pending',
  createdAt: '2026-05-08T10:00:00.000Z',
  expiresAt: '2026-05-08T10:10:00.000Z',
  resolvedAt: null,
};

export function errorBody(code: string, message: string, details?: Record<string, unknown>) {
  return { error: { code, message, ...(details ? { details } : {}) } };
}
