// Every worked example of docs/billing.md ("Cost preview"), with its numbers written out.
import { describe, expect, test } from 'vitest';
import { quoteBasket } from '../../lib/billing/basket.ts';
import { maxOperations } from '../../lib/billing/capacity.ts';
import { demoCatalog, findPlan } from '../../lib/billing/catalog.ts';
import { creditValue, operationValue } from '../../lib/billing/credit-value.ts';
import { formatUnitUsd } from '../../lib/billing/format.ts';
import { quote } from '../../lib/billing/quote.ts';
import { overageState } from './overage-state.ts';

const growth = findPlan(demoCatalog, 'growth');
const noOverageYet = overageState();

describe('docs/billing.md worked examples', () => {
  test('Growth credit value is $250 / 4,570 = $0.0547', () => {
    expect(creditValue(growth).startsWith('0.054704595')).toBe(true);
    expect(formatUnitUsd(creditValue(growth))).toBe('$0.0547');
  });

  test('Growth, 4,570 available, Smart Crop (1.3): max operations 3,515 (4,570 / 1.3 = 3,515.38)', () => {
    expect(maxOperations(growth, '4570', 'smart-crop')).toBe(3515);
  });

  test('Growth, Lifestyle Crop (4.1): plan value 4.1 × $0.0547 = $0.2243', () => {
    expect(operationValue(growth, 'lifestyle-crop')).toBe('0.2243');
    const result = quote({
      plan: growth,
      available: '4570',
      overage: noOverageYet,
      operation: 'lifestyle-crop',
      quantity: 1,
    });
    expect(result.planValueUsd).toBe('0.2243');
  });

  test('Growth, 0 available, Lifestyle Crop (4.1): overage 4.1 credits = $0.41', () => {
    const result = quote({
      plan: growth,
      available: '0',
      overage: noOverageYet,
      operation: 'lifestyle-crop',
      quantity: 1,
    });
    expect(result).toMatchObject({
      credits: '4.1',
      fromPlan: '0',
      overageCredits: '4.1',
      overageUsd: '0.41',
      availableAfter: '0',
      outcome: 'overage',
    });
  });

  test('500 available, Smart Crop 1.3: max operations 384, not the documented 385, because 385 × 1.3 = 500.5 > 500', () => {
    expect(maxOperations(growth, '500', 'smart-crop')).toBe(384);
  });

  test('500 available, Background Removal 2.8: max operations 178 (178 × 2.8 = 498.4)', () => {
    expect(maxOperations(growth, '500', 'background-removal')).toBe(178);
  });

  test('500 available; 100 Smart Crops use 130 credits and leave 370', () => {
    const result = quote({
      plan: growth,
      available: '500',
      overage: noOverageYet,
      operation: 'smart-crop',
      quantity: 100,
    });
    expect(result.credits).toBe('130');
    expect(result.availableAfter).toBe('370');
    expect(result.outcome).toBe('covered');
  });

  test('then 83 Background Removals use 232.4 credits and leave 137.6', () => {
    const basket = quoteBasket({ plan: growth, available: '500', overage: noOverageYet }, [
      { operation: 'smart-crop', quantity: 100 },
      { operation: 'background-removal', quantity: 83 },
    ]);
    expect(basket.lines.map((line) => line.availableAfter)).toEqual(['370', '137.6']);
    expect(basket.lines[1]?.credits).toBe('232.4');
    expect(basket.total).toMatchObject({
      credits: '362.4',
      fromPlan: '362.4',
      overageCredits: '0',
      availableAfter: '137.6',
      outcome: 'covered',
    });
  });

  test('2.0 available, Lifestyle Crop (4.1), overage allowed: 2.0 from plan + 2.1 overage = $0.21', () => {
    const result = quote({
      plan: growth,
      available: '2.0',
      overage: noOverageYet,
      operation: 'lifestyle-crop',
      quantity: 1,
    });
    expect(result).toMatchObject({
      credits: '4.1',
      fromPlan: '2',
      overageCredits: '2.1',
      overageUsd: '0.21',
      outcome: 'overage',
    });
  });
});
