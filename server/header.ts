import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/**
 * One request header (lower-case name). Read from node's IncomingMessage when there is one:
 * hono's c.req.header() first builds a WHATWG Headers object, which a debit does not need.
 */
export function header(c: Context, name: string): string | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming) return c.req.header(name);
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
