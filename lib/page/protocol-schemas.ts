// What a widget accepts from the page: the widget must trust nothing a page dispatches. Small
// hand-written guards, not zod: the two shapes are tiny and the extension's content script has
// a 24 KB budget (zod/mini alone is ~5 KB gzip of it). The page side reads widget answers with
// decision-reader.ts, so a vendor's editor that only asks ships no checking code of ours either.
import { MAX_QUANTITY } from './operation-request';
import type { PreflightRequest, UsageRecorded } from './protocol';

const MAX_ID_LENGTH = 100;

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= MAX_ID_LENGTH;
}

// API.md: quantity is a positive integer, at most 10,000.
function isQuantity(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_QUANTITY;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `tally:preflight`'s detail, or undefined for anything else. Extra fields are dropped. */
export function readPreflightRequest(json: unknown): PreflightRequest | undefined {
  if (!isRecord(json) || !isId(json.id) || !isId(json.operation) || !isQuantity(json.quantity)) {
    return undefined;
  }
  return { id: json.id, operation: json.operation, quantity: json.quantity };
}

/** `tally:usage-recorded`'s detail, or undefined for anything else. Extra fields are dropped. */
export function readUsageRecorded(json: unknown): UsageRecorded | undefined {
  if (!isRecord(json) || !isId(json.operation) || !isQuantity(json.quantity)) return undefined;
  return { operation: json.operation, quantity: json.quantity };
}
