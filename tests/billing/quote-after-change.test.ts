import { expect, test } from 'vitest';
import { demoCatalog, findPlan } from '../../lib/billing/catalog.ts';
import { quoteAfterChange } from '../../lib/billing/quote-after-change.ts';
import type { OverageState, PlanChangePreview } from '../../lib/billing/types.ts';

const scale = findPlan(demoCatalog, 'scale');
const noOverage: OverageState = {
  policy: 'ask',
  capUsd: null,
  creditsThisCycle: '0',
  usdThisCycle: '0.00',
};

/** Growth → Scale: `rolledOver` (available + held) rolls over, Scale's 10,000 are added. */
function toScale(rolledOver: string, creditsAfter: string): PlanChangePreview {
  return {
    from: 'growth',
    to: 'scale',
    chargeUsd: '500.00',
    rolledOverCredits: rolledOver,
    creditsAfter,
    cycleAfter: { start: '2026-11-20T10:42:00.000Z', end: '2026-12-20T10:42:00.000Z' },
    effectiveAt: '2026-11-20T10:42:00.000Z',
  };
}

/** 10,000 Smart Crops after Growth → Scale with 100 left: 12,000 credits against 10,100. */
const request = {
  plan: scale,
  preview: toScale('100', '10100'),
  held: '0',
  operation: 'smart-crop' as const,
  quantity: 10000,
};

test('on the new plan’s rate, from the credits after less the held ones', () => {
  // 100 available and 5,000 held before: 10,100 available after (the 5,000 stay held);
  // 5,000 Smart Crops at Scale's 1.2 = 6,000.
  const after = quoteAfterChange({
    plan: scale,
    preview: toScale('5100', '15100'),
    held: '5000',
    overage: noOverage,
    operation: 'smart-crop',
    quantity: 5000,
  });
  expect(after).toMatchObject({ credits: '6000', outcome: 'covered', availableAfter: '4100' });
});

test('the cycle’s overage starts again on the paid plan, under the same cap', () => {
  // 12,000 credits against 10,100: 1,900 over at $0.10, which a spent $450 of $500 leaves room for.
  const spent = { ...noOverage, capUsd: '500', usdThisCycle: '450.00' };
  expect(quoteAfterChange({ ...request, overage: spent })).toMatchObject({
    overageCredits: '1900',
    overageUsd: '190.00',
    outcome: 'overage',
  });
  const small = { ...noOverage, capUsd: '100' };
  expect(quoteAfterChange({ ...request, overage: small })).toMatchObject({
    outcome: 'blocked',
    reason: 'overage-cap-reached',
  });
});

test('what pending holds were promised still counts against the cap after the change', () => {
  // 10,000 Smart Crops at 1.2 against 10,100: 1,900 over, $190.00. Under a $200 cap that fits
  // the reset cycle, unless $10.01 of it is promised to a running operation.
  const capped = { ...noOverage, capUsd: '200.00', usdThisCycle: '150.00' };
  expect(quoteAfterChange({ ...request, overage: { ...capped, heldUsd: '10.00' } })).toMatchObject({
    overageUsd: '190.00',
    outcome: 'overage',
  });
  expect(quoteAfterChange({ ...request, overage: { ...capped, heldUsd: '10.01' } })).toMatchObject({
    outcome: 'blocked',
    reason: 'overage-cap-reached',
  });
});

test('a plan that does not price the operation has no quote', () => {
  const { 'smart-crop': _dropped, ...rates } = scale.rates;
  const after = quoteAfterChange({
    plan: { ...scale, rates },
    preview: toScale('100', '10100'),
    held: '0',
    overage: noOverage,
    operation: 'smart-crop',
    quantity: 1,
  });
  expect(after).toBeNull();
});
