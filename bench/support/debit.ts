// One Smart Crop debit over node:http with keep-alive: a lighter client than fetch, so the load
// generator takes less of the cores the server needs.
import { type Agent, request as httpRequest } from 'node:http';
import { newIdempotencyKey } from '../../lib/api/idempotency.ts';

const body = '{"operation":"smart-crop","quantity":1,"overage":"deny"}';

/** POST /v1/usage at `url` as `token`; resolves with the status (201 when debited). */
export function postDebit(agent: Agent, url: URL, token: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const request = httpRequest(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          // The key our clients send (lib/api): a v7 UUID, which sorts by time.
          'idempotency-key': newIdempotencyKey(),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
