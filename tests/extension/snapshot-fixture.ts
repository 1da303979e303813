import type { Snapshot } from '../../lib/api/schemas/snapshot.ts';
import { growthPlan } from '../api/fixtures.ts';

/** A Growth snapshot of Ada at Studio North; override what a test is about. */
export function snapshotOf(
  overrides: { version?: number; available?: string; memberId?: string } = {},
): Snapshot {
  return {
    version: overrides.version ?? 1,
    asOf: '2026-11-02T10:00:00.000Z',
    account: { id: 'acc_1', name: 'Studio North', admins: [{ id: 'mem_ada', name: 'Ada' }] },
    member: { id: overrides.memberId ?? 'mem_ada', name: 'Ada', role: 'admin' },
    plan: growthPlan,
    cycle: { start: '2026-11-02T00:00:00.000Z', end: '2026-12-02T00:00:00.000Z' },
    credits: { available: overrides.available ?? '4570', held: '0', granted: '4570', used: '0' },
    overage: { policy: 'ask', capUsd: null, creditsThisCycle: '0', usdThisCycle: '0' },
    upgradeRequests: { open: 0 },
    insight: { pacePerDay: null, runsOutAt: null, projectedCredits: null, advice: null },
    alerts: { thresholds: [20, 5], fired: [] },
  };
}
