import type { WebhookDelivery, WebhookEndpoint } from '../../lib/api/schemas/webhooks.ts';
import type { Page, PageRequest } from '../ledger/ledger.ts';
import type { DeliveryStatus } from './retry-schedule.ts';

// What the webhook sender and the operator routes need of the database; one implementation per
// store (sqlite-outbox.ts, postgres-outbox.ts). The rows are written with the ledger's changes
// (outbox-changes.ts); only attempts' outcomes and deletions are written here.

/** A delivery claimed for one attempt: what to send, where, signed with which secret. */
export interface DueDelivery {
  endpointId: string;
  url: string;
  secret: string;
  eventId: string;
  type: WebhookDelivery['type'];
  body: string;
  /** This attempt's number, from 1. */
  attempt: number;
}

/** What one attempt came to, as its row records it. */
export interface AttemptOutcome {
  responseStatus: number | null;
  status: DeliveryStatus;
  /** Epoch ms on the server's clock. */
  at: number;
  nextAttemptAt: number | null;
}

export interface Outbox {
  /**
   * Claims the delivery due first at `now` (epoch ms, server clock) that no sender holds, runs
   * `attempt` on it while holding it (no other sender, on any node, can claim it meanwhile) and
   * records the outcome. False when nothing was due. An `attempt` that throws records nothing:
   * the delivery stays due.
   */
  deliverDue(
    now: number,
    attempt: (delivery: DueDelivery) => Promise<AttemptOutcome>,
  ): Promise<boolean>;
  /** When the next pending delivery falls due (epoch ms, server clock), or null. */
  nextDueAt(): Promise<number | null>;
  endpoints(): Promise<WebhookEndpoint[]>;
  endpointExists(endpointId: string): Promise<boolean>;
  /** Stops deliveries to the endpoint; false when there is no such endpoint (or it was deleted). */
  deleteEndpoint(endpointId: string, at: string): Promise<boolean>;
  /** The endpoint's attempts, newest first; `before` is an attempt id. */
  deliveriesPage(endpointId: string, page: PageRequest): Promise<Page<WebhookDelivery>>;
  close(): Promise<void>;
}
