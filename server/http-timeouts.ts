import type { ServerOptions } from 'node:http';

/**
 * node:http's limits on slow clients. Node's defaults (60 s for the headers, 300 s for a whole
 * request, checked every 30 s) let a client that sends a byte now and then hold a connection
 * for minutes; a few hundred such clients exhaust the server (slow loris). A request's headers
 * take a real client milliseconds and its body (at most 64 KiB) well under a second. An event
 * stream is not cut: the request timeout covers receiving the request, not the answer.
 */
export const httpTimeouts = {
  headersTimeout: 5_000,
  requestTimeout: 15_000,
  connectionsCheckingInterval: 1_000,
} satisfies ServerOptions;
