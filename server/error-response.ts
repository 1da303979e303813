import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { BillingError } from '../lib/billing/index.ts';
import { ClockError } from './clock.ts';
import { ApiError, billingInvalid } from './errors.ts';
import { CursorError, NotFoundError } from './ledger/ledger.ts';

/** Turns anything a handler threw into docs/api.md's error shape; unknown errors are 500 internal. */
function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof NotFoundError) {
    return new ApiError('not_found', 'No such object in this account');
  }
  // A cursor is input, not an object: one that names nothing is a bad query (400). One naming
  // another account's entry answers exactly as one naming nothing (docs/api.md).
  if (error instanceof CursorError) {
    return new ApiError('invalid_request', error.message, {
      issues: [{ path: 'before', code: 'unknown_cursor', message: error.message }],
    });
  }
  if (error instanceof ClockError) return new ApiError('invalid_request', error.message);
  if (error instanceof BillingError) {
    // A broken catalogue or ledger invariant is our fault; everything else is the input's.
    if (error.code === 'ledger_violation' || error.code === 'invalid_catalog') {
      console.error(error);
      return new ApiError('internal', 'Something went wrong on our side; nothing was changed');
    }
    return billingInvalid(error.message, error.code);
  }
  if (error instanceof HTTPException && error.status < 500) {
    return new ApiError('invalid_request', error.message || 'The request is not valid');
  }
  console.error(error);
  return new ApiError('internal', 'Something went wrong on our side; nothing was changed');
}

export function errorResponse(c: Context, error: unknown): Response {
  const apiError = toApiError(error);
  if (apiError.code === 'rate_limited') {
    c.header('Retry-After', String(apiError.details?.retryAfterSeconds ?? 1));
  }
  return c.json(apiError.body(), apiError.status);
}
