import { z } from '../zod.ts';
import { IdSchema, QuantitySchema, UsdSchema } from './decimal.ts';
import { OveragePolicySchema } from './snapshot.ts';

// Request bodies are strict: an unknown field is a 400 invalid_request, not ignored (API.md).

/** 1–255 characters, scoped to the account (API.md, Conventions). */
export const IdempotencyKeySchema = z.string().min(1).max(255).meta({ id: 'IdempotencyKey' });

export const OverageChoiceSchema = z
  .enum(['deny', 'accept'])
  .meta({ id: 'OverageChoice', description: '"accept" only after the user consented' });

export const QuoteRequestSchema = z
  .strictObject({ operation: IdSchema, quantity: QuantitySchema })
  .meta({ id: 'QuoteRequest' });

export const UsageRequestSchema = z
  .strictObject({
    operation: IdSchema,
    quantity: QuantitySchema,
    overage: OverageChoiceSchema.default('deny'),
  })
  .meta({ id: 'UsageRequest' });

/** A hold lives 10 minutes unless told otherwise (BILLING.md); at most a day. */
export const HoldRequestSchema = z
  .strictObject({
    operation: IdSchema,
    quantity: QuantitySchema,
    overage: OverageChoiceSchema.default('deny'),
    ttlSeconds: z.number().int().min(1).max(86_400).optional(),
  })
  .meta({ id: 'HoldRequest' });

/** Without `quantity`, the whole reserved quantity is captured. */
export const CaptureRequestSchema = z
  .strictObject({ quantity: QuantitySchema.optional() })
  .meta({ id: 'CaptureRequest' });

export const ReleaseRequestSchema = z.strictObject({}).meta({ id: 'ReleaseRequest' });

export const PlanChangeRequestSchema = z
  .strictObject({ planId: IdSchema })
  .meta({ id: 'PlanChangeRequest' });

export const OveragePolicyRequestSchema = z
  .strictObject({ policy: OveragePolicySchema, capUsd: UsdSchema.nullable() })
  .meta({ id: 'OveragePolicyRequest' });

/** `GET /v1/ledger` and `GET /v1/charges`; query values arrive as strings. */
export const PageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().min(1).max(255).optional(),
});

export const HoldIdParamSchema = z.strictObject({ id: IdSchema });

export type OverageChoice = z.infer<typeof OverageChoiceSchema>;
export type QuoteRequest = z.infer<typeof QuoteRequestSchema>;
export type UsageRequest = z.infer<typeof UsageRequestSchema>;
export type HoldRequest = z.infer<typeof HoldRequestSchema>;
export type CaptureRequest = z.infer<typeof CaptureRequestSchema>;
export type PlanChangeRequest = z.infer<typeof PlanChangeRequestSchema>;
export type OveragePolicyRequest = z.infer<typeof OveragePolicyRequestSchema>;
export type PageQuery = z.infer<typeof PageQuerySchema>;
