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
  // A declared length was checked (body-limit.ts) and node's parser reads no more than it:
  // read it with plain events, which cost a fraction of an async iterator's promises.
  if (incoming.headers['content-length'] !== undefined) return declaredBody(incoming);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function declaredBody(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    incoming.once('error', reject);
    // Closed before its end: the client went away. (It closes after its end too.)
    incoming.once('close', () => {
      if (!incoming.complete) reject(new Error('The request closed before its body ended'));
    });
  });
}
