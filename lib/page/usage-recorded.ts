import { sendEvent } from './event-channel';
import { USAGE_RECORDED_EVENT, usageRecordedSchema } from './protocol';

/** Tell the widget that the page's backend recorded usage, so it refreshes the balance now. */
export function usageRecorded(operation: string, quantity: number, doc: Document = document): void {
  sendEvent(USAGE_RECORDED_EVENT, usageRecordedSchema.parse({ operation, quantity }), doc);
}
