import { type ErrorCode, errorStatus } from '../lib/api/schemas/errors.ts';
import type { BillingErrorCode } from '../lib/billing/errors.ts';
import { holdNotPendingMessage } from '../lib/billing/index.ts';
import type { HoldStatus, Refusal } from '../lib/billing/types.ts';

export type { ErrorCode };

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}

/** A response a handler decided on: thrown, caught by app.onError, answered as docs/api.md's shape. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  get status() {
    return errorStatus[this.code];
  }

  body(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details ? { details: this.details } : {}),
      },
    };
  }
}

/** The request field each of lib/billing's input errors is about. */
const fieldOf: Partial<Record<BillingErrorCode, string>> = {
  unknown_operation: 'operation',
  unknown_plan: 'planId',
  invalid_quantity: 'quantity',
  start_in_future: 'startAt',
  start_too_early: 'startAt',
};

/**
 * A request lib/billing's rules found invalid: `details.issues` as for any validation failure
 * (docs/api.md), so a client reads every 400 invalid_request the same way.
 */
export function billingInvalid(
  message: string,
  reason: BillingErrorCode = 'invalid_request',
): ApiError {
  return new ApiError('invalid_request', message, {
    reason,
    issues: [{ path: fieldOf[reason] ?? '', code: reason, message }],
  });
}

/** What lib/billing refused, as the API error a client sees. */
export function refusalError(refusal: Refusal, holdStatus?: HoldStatus): ApiError {
  switch (refusal.code) {
    case 'overage_required':
    case 'overage_blocked':
      return new ApiError(refusal.code, refusal.message, { quote: refusal.quote });
    case 'hold_not_pending':
      // The store knows what became of the hold; the message says it in words.
      return new ApiError(refusal.code, holdNotPendingMessage(refusal.holdId, holdStatus), {
        holdId: refusal.holdId,
        ...(holdStatus ? { status: holdStatus } : {}),
      });
    case 'capture_exceeds_hold':
      return new ApiError(refusal.code, refusal.message, { reserved: refusal.reserved });
    case 'forbidden':
      return new ApiError('forbidden', refusal.message);
    case 'invalid_request':
      return billingInvalid(refusal.message, refusal.reason);
  }
}
