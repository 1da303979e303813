import { readReadyKind } from './decision-reader.ts';
import { listenForEvent } from './event-channel.ts';
import { READY_EVENT, type WidgetKind } from './protocol.ts';
import { EXTENSION_MARKER, isEmbedActive } from './stand-down.ts';

/**
 * Calls `onWidget` for every widget that announces `tally:ready`, and once (asynchronously) for
 * each widget that was already ready before the page asked: content scripts may start first.
 */
export function onReady(
  onWidget: (kind: WidgetKind) => void,
  doc: Document = document,
): () => void {
  let stopped = false;
  const already: WidgetKind[] = [];
  if (doc.documentElement.hasAttribute(EXTENSION_MARKER)) already.push('extension');
  if (isEmbedActive(doc)) already.push('embed');
  queueMicrotask(() => {
    for (const kind of already) if (!stopped) onWidget(kind);
  });
  const stop = listenForEvent(READY_EVENT, readReadyKind, onWidget, doc);
  return () => {
    stopped = true;
    stop();
  };
}
