// The page protocol (API.md). Page side: preflight, usageRecorded, onReady. Widget side (the
// extension's content script and the embed): listenForPreflight, announceReady and the rest.
export { onReady } from './on-ready';
export { type PreflightOptions, preflight } from './preflight';
export type {
  Decision,
  DecisionDetail,
  PreflightRequest,
  UsageRecorded,
  WidgetKind,
} from './protocol';
export { usageRecorded } from './usage-recorded';
export * from './widget-side';
