// The page protocol of API.md ("Page protocol"): event names and detail shapes. Every detail
// travels as a JSON string because objects do not cross the page / content-script boundary in
// every browser (Firefox needs cloneInto for them; a string always crosses). The shapes are
// inferred from the schemas in protocol-schemas.ts through type-only imports: no zod at run time.
import type { z } from '../api/zod';
import type {
  decisionDetailSchema,
  decisionSchema,
  preflightReceivedSchema,
  preflightRequestSchema,
  readySchema,
  usageRecordedSchema,
  widgetKindSchema,
} from './protocol-schemas';

export const PREFLIGHT_EVENT = 'tally:preflight';
/** Sent by a widget as soon as it takes a preflight, before the user may spend time deciding. */
export const PREFLIGHT_RECEIVED_EVENT = 'tally:preflight-received';
export const DECISION_EVENT = 'tally:decision';
export const USAGE_RECORDED_EVENT = 'tally:usage-recorded';
export const READY_EVENT = 'tally:ready';

export type WidgetKind = z.infer<typeof widgetKindSchema>;
export type PreflightRequest = z.infer<typeof preflightRequestSchema>;
export type PreflightReceived = z.infer<typeof preflightReceivedSchema>;
/** What a widget decides for one preflight. */
export type Decision = z.infer<typeof decisionSchema>;
export type DecisionDetail = z.infer<typeof decisionDetailSchema>;
export type UsageRecorded = z.infer<typeof usageRecordedSchema>;
export type Ready = z.infer<typeof readySchema>;
