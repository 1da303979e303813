import { matchesAny } from './editor-matches.ts';
import { REQUEST_ACCESS, type RequestType, type SenderContext } from './messages.ts';

/** The parts of `runtime.MessageSender` the checks read. */
export interface SenderLike {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined } | undefined;
}

export interface SenderPolicy {
  /** `runtime.id`: messages from other extensions are refused. */
  extensionId: string;
  /** `runtime.getURL('/')`, e.g. "chrome-extension://<id>/". */
  extensionOrigin: string;
  /** Match patterns of the editor pages the content script may speak for. */
  editorMatches: readonly string[];
}

/**
 * Where a message comes from, or null when it comes from nowhere we answer. An extension page
 * is a document of our own origin (the popup, also when opened in a tab); a content script is
 * a tab whose URL is one of the allowed editor pages. Match patterns ignore the port, as
 * Chrome's do, so a demo server on any port counts.
 */
export function senderContext(sender: SenderLike, policy: SenderPolicy): SenderContext | null {
  if (sender.id !== policy.extensionId || !sender.url) return null;
  if (sender.url.startsWith(policy.extensionOrigin)) return 'extension-page';
  if (sender.tab?.id === undefined) return null;
  return matchesAny(sender.url, policy.editorMatches) ? 'content-script' : null;
}

export function mayRequest(type: RequestType, context: SenderContext | null): boolean {
  return context !== null && REQUEST_ACCESS[type].includes(context);
}
