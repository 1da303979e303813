// What a widget accepts from the page: the widget must trust nothing a page dispatches. Small
// hand-written guards, not zod: the two shapes are tiny and the extension's content script has
// a 24 KB budget (zod/mini alone is ~5 KB gzip of it). The page side reads widget answers with
// decision-reader.ts, so a vendor's editor that only asks ships no checking code of ours either.
import { isId, isQuantity, isRecord } from './operation-request.ts';
import type { PreflightRequest, UsageRecorded } from './protocol.ts';

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
