import { CatalogSchema } from '../lib/api/schemas/plan.ts';
import { BillingError, type Catalog, parseCredits, parseUsd } from '../lib/billing/index.ts';
import { issueMessage } from './issue-message.ts';

// The catalogue is data a vendor replaces (docs/billing.md), so the server checks the one it bills
// with when it starts: a bad file must fail loudly with the place of the mistake, never bill
// wrongly. Its shape is the API's CatalogSchema (one definition); the rules a shape cannot say
// are checked here, once it has that shape.

type Issue = { path: PropertyKey[]; message: string };

function duplicates(ids: string[]): string[] {
  return ids.filter((id, index) => ids.indexOf(id) !== index);
}

function catalogueRules(catalog: Catalog): Issue[] {
  const issues: Issue[] = [];
  const { operations, plans } = catalog;
  if (operations.length === 0) issues.push({ path: ['operations'], message: 'must not be empty' });
  if (plans.length === 0) issues.push({ path: ['plans'], message: 'must not be empty' });
  for (const id of duplicates(operations.map((operation) => operation.id))) {
    issues.push({ path: [], message: `has operation "${id}" twice` });
  }
  for (const id of duplicates(plans.map((plan) => plan.id))) {
    issues.push({ path: [], message: `has plan "${id}" twice` });
  }
  operations.forEach((operation, index) => {
    if (operation.name.trim() === '') {
      issues.push({ path: ['operations', index, 'name'], message: 'must not be empty' });
    }
  });
  const operationIds = new Set(operations.map((operation) => operation.id));
  plans.forEach((plan, index) => {
    const at = (...path: PropertyKey[]) => ['plans', index, ...path];
    if (plan.name.trim() === '') issues.push({ path: at('name'), message: 'must not be empty' });
    if (parseCredits(plan.monthlyCredits).isZero() && !parseUsd(plan.priceUsd).isZero()) {
      issues.push({
        path: at(),
        message: `has a price of $${plan.priceUsd} but 0 monthly credits`,
      });
    }
    for (const id of Object.keys(plan.rates)) {
      if (!operationIds.has(id)) {
        issues.push({ path: at('rates'), message: `has a rate for unknown operation "${id}"` });
      } else if (parseCredits(plan.rates[id]).isZero()) {
        // A zero rate would make the operations a balance covers infinite.
        issues.push({ path: at('rates', id), message: 'must be above 0 credits' });
      }
    }
    for (const id of operationIds) {
      if (!Object.hasOwn(plan.rates, id)) {
        issues.push({ path: at('rates'), message: `has no rate for operation "${id}"` });
      }
    }
  });
  return issues;
}

/** Where in the catalogue: `plan "growth", rate of "smart-crop"`, `operation #2, name`. */
function placeOf(value: unknown, path: PropertyKey[]): string {
  const [list, index, ...rest] = path;
  if ((list !== 'plans' && list !== 'operations') || typeof index !== 'number') {
    return path.length > 0 ? `the catalogue's ${path.map(String).join('.')}` : 'the catalogue';
  }
  const kind = list === 'plans' ? 'plan' : 'operation';
  const item = (value as Record<string, unknown[]>)[list]?.[index] as { id?: unknown } | undefined;
  const owner = typeof item?.id === 'string' ? `${kind} "${item.id}"` : `${kind} #${index + 1}`;
  if (rest.length === 0) return owner;
  const field =
    rest[0] === 'rates' && rest.length === 2
      ? `rate of "${String(rest[1])}"`
      : rest.map(String).join('.');
  return `${owner}, ${field}`;
}

/** Checks a catalogue read from anywhere; throws a BillingError('invalid_catalog') naming the fault. */
export function readCatalog(value: unknown): Catalog {
  const parsed = CatalogSchema.safeParse(value, { reportInput: true });
  // The rules read decimals, so they run only on a catalogue of the right shape.
  const faults = parsed.success
    ? catalogueRules(parsed.data).map(({ path, message }) => `${placeOf(value, path)} ${message}`)
    : parsed.error.issues.map((issue) =>
        issueMessage({ ...issue, path: [] }, placeOf(value, issue.path)),
      );
  if (parsed.success && faults.length === 0) return parsed.data;
  throw new BillingError('invalid_catalog', `Invalid catalogue: ${faults.join('; ')}.`);
}
