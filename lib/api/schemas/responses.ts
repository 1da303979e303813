import * as z from '../zod.ts';
import { EntrySchema } from './entry.ts';
import { HoldSchema } from './hold.ts';
import { PlanChangeSchema } from './plan-change.ts';
import { SnapshotSchema } from './snapshot.ts';

// Response objects strip unknown fields instead of rejecting them, so an older client keeps
// working against a server that extended the contract (docs/api.md: "Extend it freely").

export const HealthSchema = z.object({ status: z.literal('ok'), version: z.string() });

/** `GET /v1/openapi.json`: an OpenAPI 3.1 document, described only as far as clients rely on. */
export const OpenApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

/** `201` of `POST /v1/usage`. */
export const UsageResultSchema = z.object({ entry: EntrySchema, snapshot: SnapshotSchema });

/** `201` of `POST /v1/holds` and `200` of `POST /v1/holds/{id}/release`. */
export const HoldResultSchema = z.object({ hold: HoldSchema, snapshot: SnapshotSchema });

/** `200` of `POST /v1/holds/{id}/capture`. */
export const CaptureResultSchema = z.object({
  hold: HoldSchema,
  entry: EntrySchema,
  snapshot: SnapshotSchema,
});

/** `201` of `POST /v1/plan-changes`. */
export const PlanChangeResultSchema = z.object({
  change: PlanChangeSchema,
  snapshot: SnapshotSchema,
});

export type Health = z.infer<typeof HealthSchema>;
export type UsageResult = z.infer<typeof UsageResultSchema>;
export type HoldResult = z.infer<typeof HoldResultSchema>;
export type CaptureResult = z.infer<typeof CaptureResultSchema>;
export type PlanChangeResult = z.infer<typeof PlanChangeResultSchema>;
