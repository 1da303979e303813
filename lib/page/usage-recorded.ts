import { sendEvent } from './event-channel';
import { assertOperationRequest } from './operation-request';
import { USAGE_RECORDED_EVENT, type UsageRecorded } from './protocol';

/** Tell the widget that the page's backend recorded usage, so it refreshes the balance now. */
export function usageRecorded(operation: string, quantity: number, doc: Document = document): void {
  assertOperationRequest(operation, quantity, 'usageRecorded');
  const detail: UsageRecorded = { operation, quantity };
  sendEvent(USAGE_RECORDED_EVENT, detail, doc);
}
