import type { OverageState } from '../../lib/billing/types.ts';

/** An account's overage settings: by default "ask", no cap, nothing spent on overage yet. */
export function overageState(settings: Partial<OverageState> = {}): OverageState {
  return { policy: 'ask', capUsd: null, creditsThisCycle: '0', usdThisCycle: '0.00', ...settings };
}
