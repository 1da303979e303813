// One attempt on the wire: Standard Webhooks headers, and no answer in time counts as none.
import { afterEach, expect, test } from 'vitest';
import type { DueDelivery } from '../../server/webhooks/outbox.ts';
import { postWebhook } from '../../server/webhooks/post-webhook.ts';
import { afterAttempt } from '../../server/webhooks/retry-schedule.ts';
import { type Receiver, startReceiver, verified } from './webhook-receiver.ts';

let receiver: Receiver;
afterEach(() => receiver.close());

// The Standard Webhooks specification's own test secret.
const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

const delivery = (url: string): DueDelivery => ({
  endpointId: 'whe_1',
  url,
  secret,
  eventId: 'evt_1',
  type: 'charge.created',
  body: '{"type":"charge.created"}',
  attempt: 1,
});

test('an attempt is signed for its own wall-clock second, under the event id', async () => {
  receiver = await startReceiver();
  const now = Date.now();
  const status = await postWebhook(delivery(receiver.url), {
    timeoutMs: 5000,
    wallClock: () => now,
  });
  expect(status).toBe(200);
  const [request] = await receiver.next(1);
  if (!request) throw new Error('no request');
  expect(request.headers['webhook-id']).toBe('evt_1');
  expect(request.headers['webhook-timestamp']).toBe(String(Math.floor(now / 1000)));
  expect(request.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
  expect(verified(secret, request).type).toBe('charge.created');
});

test('a receiver that does not answer in time is an attempt with no status', async () => {
  receiver = await startReceiver();
  receiver.script('hang');
  const status = await postWebhook(delivery(receiver.url), { timeoutMs: 200, wallClock: Date.now });
  expect(status).toBeNull();
  expect(afterAttempt(1, status, 0)).toEqual({ status: 'pending', nextAttemptAt: 5000 });
});

test('a redirect is not followed: it is an answer that is not a 2xx', async () => {
  receiver = await startReceiver();
  receiver.script(307);
  expect(await postWebhook(delivery(receiver.url), { timeoutMs: 5000, wallClock: Date.now })).toBe(
    307,
  );
});

test('the schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then failed', () => {
  const waits = [1, 2, 3, 4, 5, 6, 7].map((n) => afterAttempt(n, 500, 0).nextAttemptAt);
  expect(waits).toEqual([5, 300, 1800, 7200, 18_000, 36_000, 36_000].map((s) => s * 1000));
  expect(afterAttempt(8, 500, 0)).toEqual({ status: 'failed', nextAttemptAt: null });
  expect(afterAttempt(3, 204, 0)).toEqual({ status: 'succeeded', nextAttemptAt: null });
});
