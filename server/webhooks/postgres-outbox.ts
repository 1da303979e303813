import type { Sql } from 'postgres';
import type { WebhookDelivery, WebhookEndpoint } from '../../lib/api/schemas/webhooks.ts';
import { newId } from '../auth.ts';
import { CursorError, type Page, type PageRequest } from '../ledger/ledger.ts';
import { paged } from '../ledger/store.ts';
import {
  type AttemptRow,
  attemptColumns,
  type DueRow,
  deliveryFromRow,
  dueDelivery,
  type EndpointRow,
  endpointFromRow,
} from './delivery-rows.ts';
import type { AttemptOutcome, DueDelivery, Outbox } from './outbox.ts';

/**
 * The outbox in PostgreSQL, shared by every node. A sender claims a due delivery with
 * `FOR UPDATE SKIP LOCKED` and keeps its transaction open while it makes the attempt, so no
 * other node can claim that delivery until the outcome is committed; if the node dies, the
 * database ends the transaction with the connection, and the delivery is due again at once.
 * Those transactions run on connections of their own (`senders`), never the ledger's.
 */
export class PostgresOutbox implements Outbox {
  constructor(
    private readonly sql: Sql,
    private readonly senders: Sql,
  ) {}

  async deliverDue(
    now: number,
    attempt: (delivery: DueDelivery) => Promise<AttemptOutcome>,
  ): Promise<boolean> {
    return (await this.senders.begin(async (tx) => {
      const [row] = await tx<DueRow[]>`
        SELECT d.endpoint_id, e.url, e.secret, d.event_id, ev.type, ev.body, d.attempts
        FROM webhook_deliveries d
        JOIN webhook_endpoints e ON e.id = d.endpoint_id
        JOIN webhook_events ev ON ev.id = d.event_id
        WHERE d.status = 'pending' AND d.next_attempt_at <= ${now} AND e.deleted_at IS NULL
        ORDER BY d.next_attempt_at, ev.seq
        LIMIT 1
        FOR UPDATE OF d SKIP LOCKED`;
      if (!row) return false;
      const delivery = dueDelivery(row);
      const outcome = await attempt(delivery);
      await tx`UPDATE webhook_deliveries
        SET status = ${outcome.status}, attempts = ${delivery.attempt},
          next_attempt_at = ${outcome.nextAttemptAt}
        WHERE endpoint_id = ${delivery.endpointId} AND event_id = ${delivery.eventId}`;
      await tx`INSERT INTO webhook_attempts ${tx({
        id: newId('wha'),
        endpoint_id: delivery.endpointId,
        event_id: delivery.eventId,
        attempt: delivery.attempt,
        ...attemptColumns(outcome),
      })}`;
      return true;
    })) as boolean;
  }

  async nextDueAt(): Promise<number | null> {
    const [row] = await this.sql<{ due: string | null }[]>`
      SELECT min(d.next_attempt_at)::text AS due FROM webhook_deliveries d
      JOIN webhook_endpoints e ON e.id = d.endpoint_id
      WHERE d.status = 'pending' AND e.deleted_at IS NULL`;
    return row?.due == null ? null : Number(row.due);
  }

  async endpoints(): Promise<WebhookEndpoint[]> {
    const rows = await this.sql<EndpointRow[]>`
      SELECT id, url, events, created_at FROM webhook_endpoints
      WHERE deleted_at IS NULL ORDER BY created_at, id`;
    return rows.map(endpointFromRow);
  }

  async endpointExists(endpointId: string): Promise<boolean> {
    const rows = await this.sql`
      SELECT 1 FROM webhook_endpoints WHERE id = ${endpointId} AND deleted_at IS NULL`;
    return rows.length > 0;
  }

  async deleteEndpoint(endpointId: string, at: string): Promise<boolean> {
    // The endpoint's row is never locked by a sender (they lock deliveries), so this never waits.
    const result = await this.sql`
      UPDATE webhook_endpoints SET deleted_at = ${at}
      WHERE id = ${endpointId} AND deleted_at IS NULL`;
    return result.count === 1;
  }

  async deliveriesPage(endpointId: string, page: PageRequest): Promise<Page<WebhookDelivery>> {
    let from = '9223372036854775807';
    if (page.before !== undefined) {
      const [row] = await this.sql<{ seq: string }[]>`
        SELECT seq FROM webhook_attempts WHERE endpoint_id = ${endpointId} AND id = ${page.before}`;
      if (!row)
        throw new CursorError(`"before" names no delivery of this endpoint: ${page.before}`);
      from = row.seq;
    }
    const rows = await this.sql<AttemptRow[]>`
      SELECT a.id, a.event_id, ev.type, a.attempt, a.status, a.response_status, a.at,
        a.next_attempt_at
      FROM webhook_attempts a JOIN webhook_events ev ON ev.id = a.event_id
      WHERE a.endpoint_id = ${endpointId} AND a.seq < ${from}
      ORDER BY a.seq DESC LIMIT ${page.limit + 1}`;
    return paged(rows.map(deliveryFromRow), page.limit);
  }

  async close(): Promise<void> {
    await this.senders.end({ timeout: 5 });
  }
}
