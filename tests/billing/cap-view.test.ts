import { expect, test } from 'vitest';
import { capView, promisedUsd } from '../../lib/billing/cap-view.ts';
import { demoCatalog, findPlan } from '../../lib/billing/catalog.ts';
import { quote } from '../../lib/billing/quote.ts';
import type { Hold } from '../../lib/billing/types.ts';
import { overageState } from './overage-state.ts';

function hold(overageUsd: string): Hold {
  return {
    id: `hold_${overageUsd}`,
    memberId: 'milo',
    operation: 'smart-crop',
    quantity: 1,
    credits: '0',
    overageCredits: '1.2',
    overageUsd,
    overageUsdPerCredit: '0.10',
    status: 'pending',
    createdAt: '2026-11-20T10:00:00.000Z',
    expiresAt: '2026-11-20T10:10:00.000Z',
    resolvedAt: null,
  };
}

test('the overage pending holds were promised is their sum, to the cent', () => {
  expect(promisedUsd([])).toBe('0.00');
  expect(promisedUsd([hold('0.12'), hold('0.41'), hold('0.00')])).toBe('0.53');
});

test('the cap sees what holds were promised as spent; without any, the state as it is', () => {
  const spent = overageState({ policy: 'auto', capUsd: '0.20', usdThisCycle: '0.08' });
  expect(capView({ ...spent, heldUsd: '0.12' })).toEqual({ ...spent, usdThisCycle: '0.20' });
  expect(capView({ ...spent, heldUsd: '0.00' })).toEqual(spent);
  // A server that does not send heldUsd: nothing is counted.
  expect(capView(spent)).toEqual(spent);
});

test('a Smart Crop over the credits fits the room the holds leave, to the cent and no further', () => {
  // Scale: 1.2 credits over at $0.10 = $0.12. A $0.30 cap, $0.08 spent: $0.22 of room.
  const scale = findPlan(demoCatalog, 'scale');
  const ask = (heldUsd: string) =>
    quote({
      plan: scale,
      available: '0',
      overage: capView({
        ...overageState({ capUsd: '0.30', usdThisCycle: '0.08' }),
        heldUsd,
      }),
      operation: 'smart-crop',
      quantity: 1,
    });
  expect(ask('0.10')).toMatchObject({ overageUsd: '0.12', outcome: 'overage' });
  expect(ask('0.11')).toMatchObject({ outcome: 'blocked', reason: 'overage-cap-reached' });
});
