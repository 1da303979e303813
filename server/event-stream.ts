import type { ServerResponse } from 'node:http';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';

/** Where an open event stream's bytes go. */
export interface EventSink {
  write(bytes: Uint8Array | string): void;
  /** Ends the stream from the server's side. */
  end(): void;
}

/** A client that reads slower than this much is behind for good: it reconnects with Last-Event-ID. */
const maxBufferedBytes = 1024 * 1024;

/**
 * Answers with a `text/event-stream` and runs `run` with its sink; `closed` settles when the
 * stream is over (the client left, or `end` was called). Served by @hono/node-server, bytes go
 * straight to node's ServerResponse: a WHATWG stream between the handler and the socket costs
 * about 30 µs per write and connection, which every change pays once per open stream
 * (bench/event-fan-out.ts). The headers middleware set so far (CORS, security) are kept.
 */
export function eventStream(
  c: Context,
  run: (sink: EventSink, closed: Promise<void>) => Promise<void>,
): Response | Promise<Response> {
  const headers = {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-store',
    'X-Accel-Buffering': 'no',
  };
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  if (!outgoing) {
    // In-process (app.fetch): hono's streaming response.
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
    return streamSSE(c, async (stream) => {
      let end = () => {};
      const closed = new Promise<void>((resolve) => {
        end = resolve;
      });
      stream.onAbort(end);
      await run({ write: (bytes) => void stream.write(bytes), end }, closed);
    });
  }
  outgoing.writeHead(200, { ...Object.fromEntries(c.res.headers), ...headers });
  outgoing.flushHeaders();
  const closed = new Promise<void>((resolve) => outgoing.once('close', resolve));
  const sink: EventSink = {
    write: (bytes) => {
      if (outgoing.writableEnded || outgoing.destroyed) return;
      if (outgoing.writableLength > maxBufferedBytes) outgoing.end();
      else outgoing.write(bytes);
    },
    end: () => outgoing.end(),
  };
  run(sink, closed).catch((error) => {
    console.error('event stream failed', error);
    outgoing.end();
  });
  return RESPONSE_ALREADY_SENT;
}
