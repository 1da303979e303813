/**
 * At most this many event streams per token: a client that opens more (a reload loop, tabs
 * left open, a script) loses its oldest, so one token cannot make every change cost the server
 * a thousand writes.
 */
const MAX_STREAMS_PER_TOKEN = 10;

/** The open streams of each token, oldest first. */
export class StreamsPerToken<S> {
  private readonly byToken = new Map<string, S[]>();

  /** Adds a stream; returns the ones it pushes over the cap (to be closed). */
  add(tokenHash: string, stream: S): S[] {
    const streams = this.byToken.get(tokenHash) ?? [];
    streams.push(stream);
    this.byToken.set(tokenHash, streams);
    return streams.splice(0, Math.max(0, streams.length - MAX_STREAMS_PER_TOKEN));
  }

  remove(tokenHash: string, stream: S): void {
    const streams = this.byToken.get(tokenHash);
    if (!streams) return;
    const index = streams.indexOf(stream);
    if (index >= 0) streams.splice(index, 1);
    if (streams.length === 0) this.byToken.delete(tokenHash);
  }
}
