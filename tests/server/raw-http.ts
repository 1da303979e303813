// Requests fetch cannot make: any Host header, a body that is declared but never sent, a body
// sent in chunks. Answers with status, headers and the body as text.
import { request } from 'node:http';
import { isChecked, report } from '../support/contract.ts';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** Written as it is; with no Content-Length header node sends it chunked. */
  body?: string | Buffer[];
  /** End the request after the headers without writing the body its Content-Length declared. */
  withholdBody?: boolean;
}

export function rawRequest(baseUrl: string, options: RawRequest): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const url = new URL(options.path, baseUrl);
    const outgoing = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers ?? {}, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          outgoing.destroy();
          const answer = {
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          };
          if (isChecked(url)) {
            report({
              method: options.method ?? 'GET',
              path: url.pathname,
              status: answer.status,
              contentType: response.headers['content-type'] ?? '',
              body: answer.text,
            });
          }
          resolve(answer);
        });
      },
    );
    // The server may answer 413 and close before a large body is all written.
    outgoing.on('error', (error) => {
      if (!outgoing.writableEnded || (error as NodeJS.ErrnoException).code !== 'EPIPE') {
        reject(error);
      }
    });
    if (options.withholdBody) {
      outgoing.flushHeaders();
      return;
    }
    const parts = typeof options.body === 'string' ? [options.body] : (options.body ?? []);
    for (const part of parts) outgoing.write(part);
    outgoing.end();
  });
}
