// The page protocol of docs/page-protocol.md ("Page protocol"): event names and detail shapes. Every detail
// travels as a JSON string because objects do not cross the page / content-script boundary in
// every browser (Firefox needs cloneInto for them; a string always crosses).
// No zod here: a vendor's editor that only asks (the page side) ships none of it.
import type { Quote } from '../api/schemas/quote.ts';

export const PREFLIGHT_EVENT = 'tally:preflight';
/** Sent by a widget as soon as it takes a preflight, before the user may spend time deciding. */
export const PREFLIGHT_RECEIVED_EVENT = 'tally:preflight-received';
export const DECISION_EVENT = 'tally:decision';
export const USAGE_RECORDED_EVENT = 'tally:usage-recorded';
export const READY_EVENT = 'tally:ready';

export type WidgetKind = 'extension' | 'embed';

/** `tally:preflight`, from the page. */
export interface PreflightRequest {
  id: string;
  operation: string;
  quantity: number;
}

/** `tally:preflight-received`, from the widget that took the request. */
export interface PreflightReceived {
  id: string;
  kind: WidgetKind;
}

/**
 * What a widget decides for one preflight. `unavailable`: the widget is present but cannot
 * decide (offline with nothing cached, token revoked); the page then relies on the server's 402.
 */
export type Decision =
  | { decision: 'proceed' | 'cancel'; overage: boolean; quote: Quote }
  | { decision: 'unavailable' };

/** `tally:decision`, from the widget. */
export type DecisionDetail = Decision & { id: string };

/** `tally:usage-recorded`, from the page once its backend recorded the usage. */
export interface UsageRecorded {
  operation: string;
  quantity: number;
}

/** `tally:ready`, from a widget when it starts answering. */
export interface Ready {
  kind: WidgetKind;
}
