// The page side of the page protocol (docs/page-protocol.md), for editor pages: ask the Tally widget before
// running an operation, tell it after the page's backend recorded one. No zod, a few KB;
// widgets (the extension's content script, the embed) use widget-side.ts.
import { readDecision, readReceived } from './decision-reader.ts';
import { listenForEvent, sendEvent } from './event-channel.ts';
import { assertOperationRequest } from './operation-request.ts';
import {
  DECISION_EVENT,
  type Decision,
  PREFLIGHT_EVENT,
  PREFLIGHT_RECEIVED_EVENT,
  type PreflightRequest,
  USAGE_RECORDED_EVENT,
  type UsageRecorded,
  type WidgetKind,
} from './protocol.ts';

export interface PreflightOptions {
  /** How long a widget has to take the request (its `tally:preflight-received`). */
  timeoutMs?: number;
  /** How long a widget that took the request may keep the user deciding in its dialog. */
  decisionTimeoutMs?: number;
  /** Called when a widget took the request: the page may say it waits for the user's choice. */
  onReceived?: (kind: WidgetKind) => void;
  document?: Document;
}

const UNAVAILABLE: Decision = { decision: 'unavailable' };

/**
 * Resolves to the widget's decision, or to `{ decision: 'unavailable' }` when no widget takes
 * the request within `timeoutMs` (the page then relies on the server's 402). Never rejects for
 * a missing widget; rejects at once for an operation or quantity no widget could accept.
 */
export function preflight(
  operation: string,
  quantity: number,
  {
    timeoutMs = 1000,
    decisionTimeoutMs = 600_000,
    onReceived,
    document: doc = document,
  }: PreflightOptions = {},
): Promise<Decision> {
  try {
    assertOperationRequest(operation, quantity, 'preflight');
  } catch (error) {
    return Promise.reject(error);
  }
  const request: PreflightRequest = { id: newRequestId(), operation, quantity };
  return new Promise((resolve) => {
    let timer = setTimeout(() => finish(UNAVAILABLE), timeoutMs);
    const stopReceived = listenForEvent(
      PREFLIGHT_RECEIVED_EVENT,
      readReceived,
      ({ id, kind }) => {
        if (id !== request.id) return;
        clearTimeout(timer);
        timer = setTimeout(() => finish(UNAVAILABLE), decisionTimeoutMs);
        onReceived?.(kind);
      },
      doc,
    );
    const stopDecision = listenForEvent(
      DECISION_EVENT,
      readDecision,
      ({ id, ...decision }) => {
        if (id === request.id) finish(decision);
      },
      doc,
    );
    function finish(decision: Decision) {
      clearTimeout(timer);
      stopReceived();
      stopDecision();
      resolve(decision);
    }
    sendEvent(PREFLIGHT_EVENT, request, doc);
  });
}

// Not crypto.randomUUID(): it exists only in secure contexts, and editors run on plain http too.
function newRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Tell the widget that the page's backend recorded usage, so it refreshes the balance now. */
export function usageRecorded(operation: string, quantity: number, doc: Document = document): void {
  assertOperationRequest(operation, quantity, 'usageRecorded');
  const detail: UsageRecorded = { operation, quantity };
  sendEvent(USAGE_RECORDED_EVENT, detail, doc);
}
