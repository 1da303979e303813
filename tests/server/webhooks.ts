// The operator's webhook endpoints, for the server tests.
import { afterEach, beforeEach, expect } from 'vitest';
import type { TestServer } from '../support/server.ts';
import { type Answer, client } from './http.ts';
import { type Receiver, startReceiver } from './webhook-receiver.ts';

export function operator(server: Pick<TestServer, 'url' | 'operatorKey'>) {
  const api = client(server, server.operatorKey);
  return {
    api,
    /** Registers `url` for `events`; returns the endpoint's id and its secret. */
    async register(url: string, events: string[]): Promise<{ id: string; secret: string }> {
      const created = await api.post('/v1/webhook-endpoints', { url, events });
      expect(created.status).toBe(201);
      return { id: created.body.endpoint.id, secret: created.body.secret };
    },
    /** Deletes every endpoint: the next test's receiver (maybe on a reused port) gets only its own. */
    async deleteAll(): Promise<void> {
      const { body } = await api.get('/v1/webhook-endpoints');
      for (const { id } of body.endpoints as { id: string }[]) {
        expect((await api.delete(`/v1/webhook-endpoints/${id}`)).status).toBe(204);
      }
    },
    /** The endpoint's attempts, newest first. */
    async deliveries(endpointId: string): Promise<Answer['body']['deliveries']> {
      const page = await api.get(`/v1/webhook-endpoints/${endpointId}/deliveries?limit=200`);
      expect(page.status).toBe(200);
      return page.body.deliveries;
    },
    /** Waits until the endpoint has recorded `count` attempts (the sender commits each after it). */
    async attempts(endpointId: string, count: number, ms = 10_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const rows = await this.deliveries(endpointId);
        if (rows.length >= count) return rows;
        if (Date.now() > deadline) throw new Error(`${rows.length} of ${count} attempts recorded`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}

/**
 * A receiver of its own for each test of a file; after each test, the server's endpoints are
 * deleted (so the next test's receiver, maybe on a reused port, gets only its own) and it closes.
 */
export function receiverPerTest(
  server: () => Pick<TestServer, 'url' | 'operatorKey'>,
): () => Receiver {
  let receiver: Receiver | undefined;
  beforeEach(async () => {
    receiver = await startReceiver();
  });
  afterEach(async () => {
    await operator(server()).deleteAll();
    await receiver?.close();
  });
  return () => {
    if (!receiver) throw new Error('the receiver starts before each test');
    return receiver;
  };
}
