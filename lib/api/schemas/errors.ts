import { type ErrorCode, errorStatus } from '../errors.ts';
import * as z from '../zod.ts';

export { type ErrorCode, errorStatus };

export const ErrorCodeSchema = z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]);

/**
 * `{"error": {"code", "message", "details"}}`. Details by code: invalid_request → `issues`,
 * overage_required / overage_blocked → `quote`, hold_not_pending → `status`.
 */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    details: z.exactOptional(z.record(z.string(), z.unknown())),
  }),
});

export type ErrorBody = z.infer<typeof ErrorBodySchema>;
