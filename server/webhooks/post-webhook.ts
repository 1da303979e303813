import { Webhook } from 'standardwebhooks';
import type { DueDelivery } from './outbox.ts';

/**
 * Makes one attempt: POSTs the event's body to the endpoint, signed per Standard Webhooks
 * (`webhook-id` the event id, the same on every retry; `webhook-timestamp` this attempt's wall
 * clock, so a receiver's replay window works whatever the dev clock says). Resolves to the
 * answer's status, or null when none came within `timeoutMs` (or the connection failed).
 * Redirects are not followed: a 3xx is an answer that is not a 2xx.
 */
export async function postWebhook(
  delivery: DueDelivery,
  options: { timeoutMs: number; wallClock: () => number; signal?: AbortSignal },
): Promise<number | null> {
  const sentAt = new Date(options.wallClock());
  const signature = new Webhook(delivery.secret).sign(delivery.eventId, sentAt, delivery.body);
  const timeout = AbortSignal.timeout(options.timeoutMs);
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Tally-Webhooks/1',
        'webhook-id': delivery.eventId,
        'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body: delivery.body,
      redirect: 'manual',
      signal: options.signal ? AbortSignal.any([timeout, options.signal]) : timeout,
    });
    // The answer's body is not needed: let the connection go back to the pool.
    await response.body?.cancel();
    return response.status;
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return null;
  }
}
