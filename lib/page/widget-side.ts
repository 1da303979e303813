// The widget side of the page protocol, shared by the extension's content script and the embed
// so that both answer exactly alike, and exactly one of them answers (see stand-down.ts).
import { listenForEvent, sendEvent } from './event-channel.ts';
import { returnFocus, watchOpener } from './focus-return.ts';
import {
  DECISION_EVENT,
  type Decision,
  PREFLIGHT_EVENT,
  PREFLIGHT_RECEIVED_EVENT,
  type PreflightRequest,
  READY_EVENT,
  USAGE_RECORDED_EVENT,
  type UsageRecorded,
  type WidgetKind,
} from './protocol.ts';
import { readPreflightRequest, readUsageRecorded } from './protocol-schemas.ts';
import { EXTENSION_MARKER, isEmbedActive, markEmbedActive } from './stand-down.ts';

export { EMBED_MARKER, EXTENSION_MARKER, isEmbedActive, watchEmbed } from './stand-down.ts';

export interface WidgetOptions {
  kind: WidgetKind;
  document?: Document;
}

/**
 * Answers every valid `tally:preflight` with the handler's decision. The request is
 * acknowledged at once (`tally:preflight-received`) so the page waits for the user's choice
 * instead of timing out. The extension ignores preflights while the embed is active; the embed
 * marks the document while it listens.
 */
export function listenForPreflight(
  handler: (request: PreflightRequest) => Promise<Decision>,
  { kind, document: doc = document }: WidgetOptions,
): () => void {
  const unmark = kind === 'embed' ? markEmbedActive(doc) : () => {};
  const openers = watchOpener(doc);
  const answer = async (request: PreflightRequest) => {
    // Recorded now: a dialog for this request takes focus, and the page may disable its button.
    const opener = openers.opener();
    let decision: Decision;
    try {
      decision = await handler(request);
    } catch (error) {
      // The page must not wait for an answer that will never come.
      console.error('Tally: the preflight handler failed', error);
      decision = { decision: 'unavailable' };
    }
    sendEvent(DECISION_EVENT, { ...decision, id: request.id }, doc);
    returnFocus(opener);
  };
  const stop = listenForEvent(
    PREFLIGHT_EVENT,
    readPreflightRequest,
    (request) => {
      // Checked on every request, not once: the embed may start after the extension.
      if (kind === 'extension' && isEmbedActive(doc)) return;
      sendEvent(PREFLIGHT_RECEIVED_EVENT, { id: request.id, kind }, doc);
      void answer(request);
    },
    doc,
  );
  return () => {
    stop();
    openers.stop();
    unmark();
  };
}

/** Dispatches `tally:ready`; the embed marks the document first, so the extension stands down. */
export function announceReady(kind: WidgetKind, doc: Document = document): void {
  if (kind === 'embed') markEmbedActive(doc);
  else doc.documentElement.setAttribute(EXTENSION_MARKER, 'ready');
  sendEvent(READY_EVENT, { kind }, doc);
}

/** Calls `onUsage` for every valid `tally:usage-recorded` (time to refresh the balance). */
export function listenForUsageRecorded(
  onUsage: (usage: UsageRecorded) => void,
  doc: Document = document,
): () => void {
  return listenForEvent(USAGE_RECORDED_EVENT, readUsageRecorded, onUsage, doc);
}
