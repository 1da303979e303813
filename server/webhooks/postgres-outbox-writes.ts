import type { Sql } from 'postgres';
import { answeredInOrder } from '../db/postgres-errors.ts';
import type { OutboxChanges } from './outbox-changes.ts';

/**
 * The outbox rows of one ledger batch, in its transaction (postgres-writes.ts). A retry skips a
 * delivery that a sender holds at this moment: the attempt under way answers it, and no request
 * ever waits for a receiver.
 */
export async function writeOutbox(tx: Sql, changes: OutboxChanges): Promise<void> {
  const writes: Promise<unknown>[] = [];
  if (changes.webhookEndpoints.length > 0) {
    writes.push(
      tx`INSERT INTO webhook_endpoints ${tx(
        changes.webhookEndpoints.map((endpoint) => ({
          id: endpoint.id,
          url: endpoint.url,
          events: tx.array(endpoint.events),
          secret: endpoint.secret,
          created_at: endpoint.createdAt,
        })),
      )}`.execute(),
    );
  }
  const events = changes.webhookEvents;
  if (events.length > 0) {
    writes.push(
      tx`INSERT INTO webhook_events ${tx(
        events.map((event) => ({
          id: event.id,
          account_id: event.accountId,
          type: event.type,
          at: event.at,
          body: event.body,
        })),
      )}`.execute(),
    );
    // Sent right behind the events it names: statements on one connection run in order.
    writes.push(
      tx`INSERT INTO webhook_deliveries (endpoint_id, event_id, status, next_attempt_at)
          SELECT e.id, v.id, 'pending', v.due
          FROM unnest(${events.map((event) => event.id)}::text[],
                      ${events.map((event) => event.type)}::text[],
                      ${events.map((event) => Date.parse(event.at))}::bigint[]) AS v(id, type, due)
          JOIN webhook_endpoints e ON v.type = ANY(e.events)
          WHERE e.deleted_at IS NULL`.execute(),
    );
  }
  for (const { endpointId, eventId, dueAt } of changes.webhookRetries) {
    writes.push(
      tx`UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = ${dueAt}
      WHERE (endpoint_id, event_id) IN (
        SELECT endpoint_id, event_id FROM webhook_deliveries
        WHERE endpoint_id = ${endpointId} AND event_id = ${eventId}
        FOR UPDATE SKIP LOCKED)`.execute(),
    );
  }
  await answeredInOrder(writes);
}
