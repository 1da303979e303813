import { BillingError } from '../../lib/billing/errors.ts';

/** The BillingError `run` throws; fails the test if it throws nothing or something else. */
export function billingErrorOf(run: () => unknown): BillingError {
  try {
    run();
  } catch (error) {
    if (error instanceof BillingError) return error;
    throw error;
  }
  throw new Error('expected a BillingError, but nothing was thrown');
}
