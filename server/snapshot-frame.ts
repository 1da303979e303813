import { alertsSince } from '../lib/billing/index.ts';
import type { AccountState } from '../lib/billing/types.ts';

const encoder = new TextEncoder();

/**
 * One `event: snapshot` of the SSE stream, as the bytes written to the socket. Built once per
 * member and change and written to each of that member's streams as it is: JSON has no line
 * breaks, so the whole Snapshot is one `data:` line.
 */
export function snapshotFrame(version: number, snapshot: unknown): Uint8Array {
  return encoder.encode(`event: snapshot\nid: ${version}\ndata: ${JSON.stringify(snapshot)}\n\n`);
}

/** One `event: upgrade-request` frame (docs/api.md): the request as it now stands, no id. */
export function upgradeRequestFrame(request: unknown): Uint8Array {
  return encoder.encode(`event: upgrade-request\ndata: ${JSON.stringify(request)}\n\n`);
}

/**
 * The `event: alert` frames (docs/api.md) of the alerts that fired after version `since` (this term's
 * and the term before's), in the order they fired: what a stream that had Snapshot `since` has not heard of. None for
 * a stream that had no Snapshot yet: the first one lists what fired.
 */
export function alertFrames(state: AccountState, since: number): Uint8Array[] {
  if (since < 0) return [];
  return alertsSince(state, since).map(({ threshold, at, available }) =>
    encoder.encode(`event: alert\ndata: ${JSON.stringify({ threshold, at, available })}\n\n`),
  );
}
