// Two server nodes over one PostgreSQL database, both sending webhooks: every attempt of every
// event reaches the receiver once, however the nodes race for the due deliveries.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { accountWith100 } from './accounts.ts';
import { client, clock } from './http.ts';
import { accountOf, startReceiver } from './webhook-receiver.ts';
import { operator } from './webhooks.ts';

let a: TestServer;
let b: TestServer;
beforeAll(async () => {
  a = await startServer({ devClock: true, postgres: true });
  b = await startServer({ devClock: true, sameLedgerAs: a });
}, 60_000);
afterAll(async () => {
  await b?.stop();
  await a?.stop();
});

test('40 events from both nodes, each failing once: every event arrives exactly twice', async () => {
  const receiver = await startReceiver();
  try {
    const { accountId, token } = await accountWith100(a);
    const hooks = operator(a);
    const { id } = await hooks.register(receiver.url, ['charge.created']);
    const events = 40;
    receiver.script(...Array.from({ length: events }, () => 500));
    const nodes = [client(a, token), client(b, token)];
    const used = await Promise.all(
      Array.from({ length: events }, (_, i) =>
        // 25 Lifestyle Crops = 102.5 credits: past the 100 left, so each is charged overage.
        nodes[i % 2]?.post('/v1/usage', {
          operation: 'lifestyle-crop',
          quantity: 25,
          overage: 'accept',
        }),
      ),
    );
    expect(used.every((answer) => answer?.status === 201)).toBe(true);
    const mine = (r: { body: string }) => accountOf(r) === accountId;
    await receiver.next(events, mine);
    await hooks.attempts(id, events);

    // Both nodes' retries fall due at once: they race for the same rows.
    await Promise.all([a, b].map((node) => clock(node, { advance: 'PT6S' })));
    await receiver.next(2 * events, mine, 20_000);
    const rows = await hooks.attempts(id, 2 * events, 20_000);
    expect(rows.filter((row: { status: string }) => row.status === 'succeeded')).toHaveLength(
      events,
    );

    const perEvent = new Map<string, number>();
    for (const request of receiver.received.filter(mine)) {
      const eventId = String(request.headers['webhook-id']);
      perEvent.set(eventId, (perEvent.get(eventId) ?? 0) + 1);
    }
    expect(perEvent.size).toBe(events);
    expect([...perEvent.values()].every((count) => count === 2)).toBe(true);
    expect(rows).toHaveLength(2 * events);
  } finally {
    await receiver.close();
  }
}, 90_000);
