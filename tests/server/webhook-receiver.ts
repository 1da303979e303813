// A webhook receiver for the tests: a real HTTP server on a loopback port that keeps every
// request it gets and answers each with the next status of its script (200 once the script is
// used up), or never ('hang') until it is closed.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Answer = number | 'hang';

export interface Receiver {
  /** http://127.0.0.1:PORT (no trailing slash). */
  url: string;
  received: Received[];
  /** Answers for the coming requests, in order. */
  script(...answers: Answer[]): void;
  /** Waits until `count` requests matching `match` have arrived; returns them. */
  next(count: number, match?: (request: Received) => boolean, ms?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const answers: Answer[] = [];
  const hanging = new Set<ServerResponse>();
  const waiters = new Set<() => void>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        path: request.url ?? '/',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      for (const wake of waiters) wake();
      const answer = answers.shift() ?? 200;
      if (answer === 'hang') hanging.add(response);
      else response.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    script: (...next) => answers.push(...next),
    next(count, match = () => true, ms = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = received.filter(match);
          if (found.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${received.filter(match).length} of ${count} requests in ${ms} ms`));
        }, ms);
        waiters.add(check);
        check();
      });
    },
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The event a request carries, verified with the Standard Webhooks library (throws if not). */
export function verified(
  secret: string,
  request: Received,
): { type: string; timestamp: string; data: Record<string, unknown> } {
  const headers = {
    'webhook-id': String(request.headers['webhook-id']),
    'webhook-timestamp': String(request.headers['webhook-timestamp']),
    'webhook-signature': String(request.headers['webhook-signature']),
  };
  return new Webhook(secret).verify(request.body, headers) as ReturnType<typeof verified>;
}

/** The account a webhook's event is about (each test counts only its own account's). */
export function accountOf(request: Pick<Received, 'body'>): string {
  return (JSON.parse(request.body) as { data: { accountId: string } }).data.accountId;
}
