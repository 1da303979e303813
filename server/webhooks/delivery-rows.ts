import type { WebhookDelivery, WebhookEndpoint } from '../../lib/api/schemas/webhooks.ts';
import type { DueDelivery } from './outbox.ts';
import type { DeliveryStatus } from './retry-schedule.ts';

// Webhook rows as both stores return them, and their API shapes.

export interface EndpointRow {
  id: string;
  url: string;
  events: WebhookEndpoint['events'];
  created_at: string;
}

export interface AttemptRow {
  id: string;
  event_id: string;
  type: WebhookDelivery['type'];
  attempt: number;
  status: DeliveryStatus;
  response_status: number | null;
  at: string;
  next_attempt_at: string | null;
}

/** A due delivery as both stores' claim queries return it. */
export interface DueRow {
  endpoint_id: string;
  url: string;
  secret: string;
  event_id: string;
  type: DueDelivery['type'];
  body: string;
  attempts: number;
}

/** The delivery a claimed row stands for, as its next attempt. */
export function dueDelivery(row: DueRow): DueDelivery {
  return {
    endpointId: row.endpoint_id,
    url: row.url,
    secret: row.secret,
    eventId: row.event_id,
    type: row.type,
    body: row.body,
    attempt: row.attempts + 1,
  };
}

export function endpointFromRow(row: EndpointRow): WebhookEndpoint {
  return { id: row.id, url: row.url, events: row.events, createdAt: row.created_at };
}

export function deliveryFromRow(row: AttemptRow): WebhookDelivery {
  return {
    id: row.id,
    eventId: row.event_id,
    type: row.type,
    attempt: row.attempt,
    status: row.status,
    responseStatus: row.response_status,
    at: row.at,
    nextAttemptAt: row.next_attempt_at,
  };
}

/** An attempt's outcome as its row keeps it (instants as ISO text). */
export function attemptColumns(outcome: {
  status: DeliveryStatus;
  responseStatus: number | null;
  at: number;
  nextAttemptAt: number | null;
}) {
  return {
    status: outcome.status,
    response_status: outcome.responseStatus,
    at: new Date(outcome.at).toISOString(),
    next_attempt_at:
      outcome.nextAttemptAt === null ? null : new Date(outcome.nextAttemptAt).toISOString(),
  };
}
