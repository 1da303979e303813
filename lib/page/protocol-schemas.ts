// The schemas of what a widget receives from the page (zod/mini, like lib/api): the widget must
// trust nothing a page dispatches. The page side reads widget answers with decision-reader.ts
// instead, so a vendor's editor that only asks ships no zod.
import * as z from '../api/zod';
import { MAX_QUANTITY } from './operation-request';
import type { PreflightRequest, UsageRecorded } from './protocol';

const operationId = z.string().check(z.minLength(1), z.maxLength(100));
// API.md: quantity is a positive integer, at most 10,000.
const quantity = z.int().check(z.positive(), z.lte(MAX_QUANTITY));
const requestId = z.string().check(z.minLength(1), z.maxLength(100));

export const preflightRequestSchema = z.object({ id: requestId, operation: operationId, quantity });

export const usageRecordedSchema = z.object({ operation: operationId, quantity });

interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/** A reader for event-channel.ts: the checked value, or undefined for anything else. */
export function parserOf<T>(schema: Schema<T>): (json: unknown) => T | undefined {
  return (json) => {
    const result = schema.safeParse(json);
    return result.success ? result.data : undefined;
  };
}

export const readPreflightRequest = parserOf<PreflightRequest>(preflightRequestSchema);
export const readUsageRecorded = parserOf<UsageRecorded>(usageRecordedSchema);
