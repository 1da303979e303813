import * as z from '../zod.ts';
import { IdSchema, PercentSchema, QuantitySchema, UsdSchema } from './decimal.ts';
import { OveragePolicySchema } from './snapshot.ts';

// Request bodies are strict: an unknown field is a 400 invalid_request, not ignored (docs/api.md).

/** 1–255 characters, scoped to the account (docs/api.md, Conventions). */
export const IdempotencyKeySchema = z.string().check(z.minLength(1), z.maxLength(255));

/** "accept" only after the user consented (or under the `auto` policy). */
export const OverageChoiceSchema = z.enum(['deny', 'accept']);

export const QuoteRequestSchema = z.strictObject({
  operation: IdSchema,
  quantity: QuantitySchema,
});

export const UsageRequestSchema = z.strictObject({
  operation: IdSchema,
  quantity: QuantitySchema,
  overage: z._default(OverageChoiceSchema, 'deny'),
});

/** A hold lives 10 minutes unless told otherwise (docs/billing.md); at most a day. */
export const HoldRequestSchema = z.strictObject({
  operation: IdSchema,
  quantity: QuantitySchema,
  overage: z._default(OverageChoiceSchema, 'deny'),
  ttlSeconds: z.exactOptional(z.int().check(z.minimum(1), z.maximum(86_400))),
});

/** Without `quantity`, the whole reserved quantity is captured. */
export const CaptureRequestSchema = z.strictObject({ quantity: z.exactOptional(QuantitySchema) });

export const ReleaseRequestSchema = z.strictObject({});

export const PlanChangeRequestSchema = z.strictObject({ planId: IdSchema });

export const OveragePolicyRequestSchema = z.strictObject({
  policy: OveragePolicySchema,
  capUsd: z.nullable(UsdSchema),
});

/** `PUT /v1/alerts`: whole percentages of the term's granted credits, 1 to 99, at most 5. */
export const AlertsRequestSchema = z.strictObject({
  thresholds: z.array(PercentSchema).check(
    z.maxLength(5, 'at most 5 thresholds'),
    z.refine((thresholds) => new Set(thresholds).size === thresholds.length, {
      message: 'each threshold at most once',
    }),
  ),
});

/** `GET /v1/ledger` and `GET /v1/charges`; query values arrive as strings. */
export const PageQuerySchema = z.strictObject({
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200)), 50),
  before: z.exactOptional(z.string().check(z.minLength(1), z.maxLength(255))),
});

/** A path naming one object by its id (a hold, an account, a member, an upgrade request). */
export const IdParamSchema = z.strictObject({ id: IdSchema });

export type OverageChoice = z.infer<typeof OverageChoiceSchema>;
export type QuoteRequest = z.infer<typeof QuoteRequestSchema>;
export type UsageRequest = z.infer<typeof UsageRequestSchema>;
export type HoldRequest = z.infer<typeof HoldRequestSchema>;
export type CaptureRequest = z.infer<typeof CaptureRequestSchema>;
export type PlanChangeRequest = z.infer<typeof PlanChangeRequestSchema>;
export type OveragePolicyRequest = z.infer<typeof OveragePolicyRequestSchema>;
export type AlertsRequest = z.infer<typeof AlertsRequestSchema>;
export type PageQuery = z.infer<typeof PageQuerySchema>;
