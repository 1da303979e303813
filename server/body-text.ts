import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { maxBodyBytes, tooLarge } from './body-limit.ts';

/**
 * The request body as text, at most 64 KiB (413 past it). Served by @hono/node-server, it is
 * read straight from node's IncomingMessage: building a WHATWG Request and stream for every
 * debit costs more than the debit itself. In-process calls (app.fetch) read the Request.
 */
export async function bodyText(c: Context): Promise<string> {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming || incoming.readableEnded) return c.req.text();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
