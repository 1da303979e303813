import { parseCredits, parseUsd } from './decimal';
import { BillingError } from './errors';
import type { Catalog, Operation, OperationId, Plan, PlanId } from './types';

// The catalogue is data a vendor replaces (BILLING.md), so it is checked field by field on
// load: a bad file must fail loudly with the place of the mistake, never bill wrongly.

type Fields = Record<string, unknown>;

function fail(message: string): never {
  throw new BillingError('invalid_catalog', `Invalid catalogue: ${message}`);
}

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(fields: Fields, key: string, where: string): string {
  const value = fields[key];
  if (typeof value !== 'string' || value.trim() === '')
    fail(`${where} needs a non-empty "${key}".`);
  return value;
}

/** Re-labels a decimal error with its place in the catalogue. */
function checked<T>(where: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof BillingError) fail(`${where}: ${error.message}`);
    throw error;
  }
}

function validateOperations(value: unknown): Operation[] {
  if (!Array.isArray(value) || value.length === 0) fail('"operations" must be a non-empty list.');
  const seen = new Set<OperationId>();
  return value.map((raw, index) => {
    if (!isObject(raw)) fail(`operation #${index + 1} must be an object.`);
    const id = text(raw, 'id', `operation #${index + 1}`);
    if (seen.has(id)) fail(`operation "${id}" appears twice.`);
    seen.add(id);
    return { id, name: text(raw, 'name', `operation "${id}"`) };
  });
}

function validateRates(value: unknown, operations: Set<OperationId>, where: string) {
  if (!isObject(value)) fail(`${where} needs a "rates" object.`);
  for (const id of Object.keys(value)) {
    if (!operations.has(id)) fail(`${where} has a rate for unknown operation "${id}".`);
  }
  const rates: Record<OperationId, string> = {};
  for (const id of operations) {
    if (!(id in value)) fail(`${where} has no rate for operation "${id}".`);
    const rate = checked(`${where}, rate of "${id}"`, () =>
      parseCredits(value[id], 'A rate (credits per operation)'),
    );
    if (rate.isZero()) fail(`${where}, rate of "${id}" must be above 0 credits.`);
    rates[id] = value[id] as string;
  }
  return rates;
}

function validatePlan(raw: unknown, index: number, operations: Set<OperationId>): Plan {
  if (!isObject(raw)) fail(`plan #${index + 1} must be an object.`);
  const id = text(raw, 'id', `plan #${index + 1}`);
  const where = `plan "${id}"`;
  const price = checked(`${where}, priceUsd`, () => parseUsd(raw.priceUsd, 'A price'));
  checked(`${where}, listPriceUsd`, () => parseUsd(raw.listPriceUsd, 'A list price'));
  const credits = checked(`${where}, monthlyCredits`, () =>
    parseCredits(raw.monthlyCredits, 'The monthly credits'),
  );
  checked(`${where}, overageUsdPerCredit`, () =>
    parseUsd(raw.overageUsdPerCredit, 'The overage rate'),
  );
  if (credits.isZero() && !price.isZero()) {
    fail(`${where} has a price of $${raw.priceUsd} but 0 monthly credits.`);
  }
  if (typeof raw.allowsOverage !== 'boolean')
    fail(`${where} needs "allowsOverage": true or false.`);
  return {
    id,
    name: text(raw, 'name', where),
    priceUsd: raw.priceUsd as string,
    listPriceUsd: raw.listPriceUsd as string,
    monthlyCredits: raw.monthlyCredits as string,
    overageUsdPerCredit: raw.overageUsdPerCredit as string,
    allowsOverage: raw.allowsOverage,
    rates: validateRates(raw.rates, operations, where),
  };
}

/** Checks a catalogue read from anywhere; throws a BillingError('invalid_catalog') naming the fault. */
export function validateCatalog(value: unknown): Catalog {
  if (!isObject(value)) fail('it must be an object with "operations" and "plans".');
  const operations = validateOperations(value.operations);
  const operationIds = new Set(operations.map((operation) => operation.id));
  if (!Array.isArray(value.plans) || value.plans.length === 0) {
    fail('"plans" must be a non-empty list.');
  }
  const plans = value.plans.map((raw, index) => validatePlan(raw, index, operationIds));
  const planIds = new Set<PlanId>();
  for (const plan of plans) {
    if (planIds.has(plan.id)) fail(`plan "${plan.id}" appears twice.`);
    planIds.add(plan.id);
  }
  return { operations, plans };
}
