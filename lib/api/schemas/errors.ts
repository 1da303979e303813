import * as z from '../zod.ts';

/** Every error code of API.md with its HTTP status. */
export const errorStatus = {
  invalid_request: 400,
  idempotency_key_required: 400,
  unauthorized: 401,
  overage_required: 402,
  overage_blocked: 402,
  forbidden: 403,
  not_found: 404,
  idempotency_in_flight: 409,
  hold_not_pending: 409,
  payload_too_large: 413,
  misdirected_request: 421,
  idempotency_conflict: 422,
  capture_exceeds_hold: 422,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export const ErrorCodeSchema = z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]);

/**
 * `{"error": {"code", "message", "details"}}`. Details by code: invalid_request → `issues`,
 * overage_required / overage_blocked → `quote`, hold_not_pending → `status`.
 */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    details: z.optional(z.record(z.string(), z.unknown())),
  }),
});

export type ErrorBody = z.infer<typeof ErrorBodySchema>;
