// The page side of the page protocol (API.md), for editor pages: no zod, a few KB.
// Widgets (the extension's content script, the embed) import './widget-side' instead.
export { onReady } from './on-ready';
export { type PreflightOptions, preflight } from './preflight';
export type { Decision, PreflightRequest, UsageRecorded, WidgetKind } from './protocol';
export { usageRecorded } from './usage-recorded';
