import { type ErrorCode, errorStatus } from '../lib/api/schemas/errors.ts';
import type { Refusal } from '../lib/billing/types.ts';

export type { ErrorCode };

/** The status of each error code (API.md's table, as lib/api states it). */
export const statusOf = errorStatus;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}

/** A response a handler decided on: thrown, caught by app.onError, answered as API.md's shape. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  get status() {
    return statusOf[this.code];
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

/** What lib/billing refused, as the API error a client sees. */
export function refusalError(refusal: Refusal, holdStatus?: string): ApiError {
  switch (refusal.code) {
    case 'overage_required':
    case 'overage_blocked':
      return new ApiError(refusal.code, refusal.message, { quote: refusal.quote });
    case 'hold_not_pending':
      return new ApiError(refusal.code, refusal.message, {
        holdId: refusal.holdId,
        ...(holdStatus ? { status: holdStatus } : {}),
      });
    case 'capture_exceeds_hold':
      return new ApiError(refusal.code, refusal.message, { reserved: refusal.reserved });
    case 'forbidden':
      return new ApiError('forbidden', refusal.message);
    case 'invalid_request':
      return new ApiError('invalid_request', refusal.message);
  }
}
