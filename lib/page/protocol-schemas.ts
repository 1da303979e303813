// The zod schemas of the page protocol, for the widget side (content script, embed), which
// must trust nothing a page dispatches. The page side (preflight.ts) does not import this
// file, so a vendor's editor that only asks does not ship zod (≈ 60 KB gzip) for it.
import { z } from '../api/zod';
import { QuoteSchema } from '../api/schemas/quote';
import { MAX_QUANTITY } from './operation-request';

const operationId = z.string().min(1).max(100);
// API.md: quantity is a positive integer, at most 10,000.
const quantity = z.number().int().positive().max(MAX_QUANTITY);
const requestId = z.string().min(1).max(100);

export const widgetKindSchema = z.enum(['extension', 'embed']);

export const preflightRequestSchema = z.object({ id: requestId, operation: operationId, quantity });

export const preflightReceivedSchema = z.object({ id: requestId, kind: widgetKindSchema });

const answeredSchema = z.object({
  decision: z.enum(['proceed', 'cancel']),
  overage: z.boolean(),
  quote: QuoteSchema,
});
// A widget that is present but cannot decide (offline with nothing cached, token revoked) says
// so at once instead of leaving the page waiting; the page then relies on the server's 402.
const unavailableSchema = z.object({ decision: z.literal('unavailable') });

export const decisionSchema = z.discriminatedUnion('decision', [answeredSchema, unavailableSchema]);

export const decisionDetailSchema = z.discriminatedUnion('decision', [
  answeredSchema.extend({ id: requestId }),
  unavailableSchema.extend({ id: requestId }),
]);

export const usageRecordedSchema = z.object({ operation: operationId, quantity });

export const readySchema = z.object({ kind: widgetKindSchema });

/** A parser for event-channel.ts: the checked value, or undefined for anything else. */
export function parserOf<T>(schema: z.ZodType<T>): (json: unknown) => T | undefined {
  return (json) => {
    const result = schema.safeParse(json);
    return result.success ? result.data : undefined;
  };
}
