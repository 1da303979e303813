import type { ReadonlySignal } from '@preact/signals';
import type { OperationId, Plan } from '../billing/types.ts';

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
 * Whether no plan the member could move up to runs all of `operations` (no plan above at all,
 * for none). False while the plans above are not known (the catalogue not in, or the math
 * still working them out): nobody is told there is no upgrade before that is so.
 */
export function noPlanAboveRuns(
  model: { knownUpgrades: ReadonlySignal<Plan[] | null> },
  operations: readonly OperationId[] = [],
): boolean {
  const above = model.knownUpgrades.value;
  return above !== null && upgradesRunning(above, operations).length === 0;
}
