import type { Write } from '../db/sqlite-writes.ts';
import type { OutboxChanges } from './outbox-changes.ts';

const insertEndpoint = `INSERT INTO webhook_endpoints (id, url, events, secret, created_at)
  VALUES (?, ?, ?, ?, ?)`;
const insertEvent = `INSERT INTO webhook_events (id, account_id, type, at, body)
  VALUES (?, ?, ?, ?, ?)`;
/** One delivery per endpoint that is not deleted and asked for the event's type. */
const fanOut = `INSERT INTO webhook_deliveries (endpoint_id, event_id, status, next_attempt_at)
  SELECT e.id, ?, 'pending', ? FROM webhook_endpoints e
  WHERE e.deleted_at IS NULL AND EXISTS (SELECT 1 FROM json_each(e.events) WHERE value = ?)`;
const retry = `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = ?
  WHERE endpoint_id = ? AND event_id = ?`;

/** The outbox rows of one ledger batch, written in its transaction (sqlite-writes.ts). */
export function sqliteOutboxWrites(changes: OutboxChanges): Write[] {
  const writes: Write[] = [];
  for (const endpoint of changes.webhookEndpoints) {
    writes.push({
      sql: insertEndpoint,
      params: [
        endpoint.id,
        endpoint.url,
        JSON.stringify(endpoint.events),
        endpoint.secret,
        endpoint.createdAt,
      ],
    });
  }
  for (const event of changes.webhookEvents) {
    writes.push(
      { sql: insertEvent, params: [event.id, event.accountId, event.type, event.at, event.body] },
      { sql: fanOut, params: [event.id, Date.parse(event.at), event.type] },
    );
  }
  for (const { endpointId, eventId, dueAt } of changes.webhookRetries) {
    writes.push({ sql: retry, params: [dueAt, endpointId, eventId] });
  }
  return writes;
}
