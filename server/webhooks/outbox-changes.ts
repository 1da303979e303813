import type { WebhookEventType } from '../../lib/api/schemas/webhooks.ts';
import type { Instant } from '../../lib/billing/types.ts';

// What a ledger transaction writes for webhooks, beside the change that caused it (the outbox):
// the store writes these rows in the same transaction, so an event exists exactly when its
// change committed.

/** An event as the outbox keeps it: `body` is the exact JSON every attempt sends and signs. */
export interface OutboxEvent {
  id: string;
  accountId: string;
  type: WebhookEventType;
  at: Instant;
  body: string;
}

export interface EndpointWrite {
  id: string;
  url: string;
  events: WebhookEventType[];
  /** `whsec_` + base64 of the key's bytes. */
  secret: string;
  createdAt: Instant;
}

/** A delivery asked to be attempted again at `dueAt` (epoch ms on the server's clock). */
export interface RetryWrite {
  endpointId: string;
  eventId: string;
  dueAt: number;
}

export interface OutboxChanges {
  webhookEndpoints: EndpointWrite[];
  /** Each is delivered to every endpoint (not deleted) that asked for its type at the commit. */
  webhookEvents: OutboxEvent[];
  webhookRetries: RetryWrite[];
}

/** True when a commit gave the webhook sender something to do. */
export function hasOutboxWork(changes: OutboxChanges): boolean {
  return changes.webhookEvents.length > 0 || changes.webhookRetries.length > 0;
}
