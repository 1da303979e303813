import { BillingError } from './errors.ts';

/** docs/api.md: a quantity is a positive integer, at most 10,000 per request. */
export const MAX_QUANTITY = 10_000;

export function assertQuantity(quantity: unknown): asserts quantity is number {
  if (
    typeof quantity !== 'number' ||
    !Number.isInteger(quantity) ||
    quantity < 1 ||
    quantity > MAX_QUANTITY
  ) {
    throw new BillingError(
      'invalid_quantity',
      `The quantity must be a whole number from 1 to ${MAX_QUANTITY.toLocaleString('en-US')}; got ${JSON.stringify(quantity)}.`,
    );
  }
}
