const encoder = new TextEncoder();

/**
 * One `event: snapshot` of the SSE stream, as the bytes written to the socket. Built once per
 * member and change and written to each of that member's streams as it is: JSON has no line
 * breaks, so the whole Snapshot is one `data:` line.
 */
export function snapshotFrame(version: number, snapshot: unknown): Uint8Array {
  return encoder.encode(`event: snapshot\nid: ${version}\ndata: ${JSON.stringify(snapshot)}\n\n`);
}

/** One `event: upgrade-request` frame (API.md): the request as it now stands, no id. */
export function upgradeRequestFrame(request: unknown): Uint8Array {
  return encoder.encode(`event: upgrade-request\ndata: ${JSON.stringify(request)}\n\n`);
}
