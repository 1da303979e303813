// The page side of the page protocol: ask the Tally widget before running an operation.
import { listenForEvent, sendEvent } from './event-channel';
import {
  DECISION_EVENT,
  type Decision,
  decisionDetailSchema,
  PREFLIGHT_EVENT,
  PREFLIGHT_RECEIVED_EVENT,
  type PreflightRequest,
  preflightReceivedSchema,
  preflightRequestSchema,
} from './protocol';

export interface PreflightOptions {
  /** How long a widget has to take the request (its `tally:preflight-received`). */
  timeoutMs?: number;
  /** How long a widget that took the request may keep the user deciding in its dialog. */
  decisionTimeoutMs?: number;
  document?: Document;
}

const UNAVAILABLE: Decision = { decision: 'unavailable' };

/**
 * Resolves to the widget's decision, or to `{ decision: 'unavailable' }` when no widget takes
 * the request within `timeoutMs` (the page then relies on the server's 402). Never rejects for
 * a missing widget; throws at once for an operation or quantity no widget could accept.
 */
export function preflight(
  operation: string,
  quantity: number,
  {
    timeoutMs = 1000,
    decisionTimeoutMs = 600_000,
    document: doc = document,
  }: PreflightOptions = {},
): Promise<Decision> {
  const request: PreflightRequest = { id: newRequestId(), operation, quantity };
  const checked = preflightRequestSchema.safeParse(request);
  if (!checked.success) {
    return Promise.reject(
      new RangeError(
        `preflight(${JSON.stringify(operation)}, ${quantity}): ${checked.error.message}`,
      ),
    );
  }
  return new Promise((resolve) => {
    let timer = setTimeout(() => finish(UNAVAILABLE), timeoutMs);
    const stopReceived = listenForEvent(
      PREFLIGHT_RECEIVED_EVENT,
      preflightReceivedSchema,
      (received) => {
        if (received.id !== request.id) return;
        clearTimeout(timer);
        timer = setTimeout(() => finish(UNAVAILABLE), decisionTimeoutMs);
      },
      doc,
    );
    const stopDecision = listenForEvent(
      DECISION_EVENT,
      decisionDetailSchema,
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
