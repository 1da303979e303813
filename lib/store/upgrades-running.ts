import type { OperationId, Plan } from '../billing/types.ts';
import type { CreditModel } from './credit-model.ts';

/** The plans of `upgrades` that price every one of `operations`: the others could not run them. */
export function upgradesRunning(
  upgrades: readonly Plan[],
  operations: readonly OperationId[],
): Plan[] {
  return upgrades.filter((plan) =>
    operations.every((operation) => Object.hasOwn(plan.rates, operation)),
  );
}

/**
 * Whether no plan the member could move up to runs all of `operations` (any plan above, for
 * none). Known only once the catalogue is in: until then nobody is told there is no upgrade.
 */
export function noUpgradeRuns(
  model: Pick<CreditModel, 'catalog' | 'upgrades'>,
  operations: readonly OperationId[] = [],
): boolean {
  return (
    model.catalog.value !== null && upgradesRunning(model.upgrades.value, operations).length === 0
  );
}
