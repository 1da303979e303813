import { expect, test } from 'vitest';
import type { Plan } from '../../lib/billing/types';

test('the toolchain runs a test', () => {
  const plan: Pick<Plan, 'id'> = { id: 'growth' };
  expect(plan.id).toBe('growth');
});
