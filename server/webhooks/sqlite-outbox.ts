import type { WebhookDelivery, WebhookEndpoint } from '../../lib/api/schemas/webhooks.ts';
import { newId } from '../auth.ts';
import type { Db } from '../db/open.ts';
import type { SqliteStore } from '../db/sqlite-store.ts';
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
 * The outbox in the SQLite file. One process owns the file, so a claim is a mark in memory:
 * the deliveries under way are left out of the next claims until their outcome is committed
 * (through the store's writer thread). A crash forgets the marks, and what was under way is due
 * again at the next start.
 */
export class SqliteOutbox implements Outbox {
  private readonly underWay = new Set<string>();
  private readonly sql;

  constructor(
    db: Db,
    private readonly store: SqliteStore,
  ) {
    this.sql = {
      due: db.prepare<[number, number], DueRow>(
        `SELECT d.endpoint_id, e.url, e.secret, d.event_id, ev.type, ev.body, d.attempts
         FROM webhook_deliveries d
         JOIN webhook_endpoints e ON e.id = d.endpoint_id
         JOIN webhook_events ev ON ev.id = d.event_id
         WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND e.deleted_at IS NULL
         ORDER BY d.next_attempt_at, ev.seq LIMIT ?`,
      ),
      nextDue: db.prepare<[], { due: number | null }>(
        `SELECT min(d.next_attempt_at) AS due FROM webhook_deliveries d
         JOIN webhook_endpoints e ON e.id = d.endpoint_id
         WHERE d.status = 'pending' AND e.deleted_at IS NULL`,
      ),
      endpoints: db.prepare<[], EndpointRow & { events: string }>(
        `SELECT id, url, events, created_at FROM webhook_endpoints
         WHERE deleted_at IS NULL ORDER BY created_at, id`,
      ),
      endpoint: db.prepare<[string], { id: string }>(
        'SELECT id FROM webhook_endpoints WHERE id = ? AND deleted_at IS NULL',
      ),
      attemptSeq: db.prepare<[string, string], { seq: number }>(
        'SELECT seq FROM webhook_attempts WHERE endpoint_id = ? AND id = ?',
      ),
      attempts: db.prepare<[string, number, number], AttemptRow>(
        `SELECT a.id, a.event_id, ev.type, a.attempt, a.status, a.response_status, a.at,
           a.next_attempt_at
         FROM webhook_attempts a JOIN webhook_events ev ON ev.id = a.event_id
         WHERE a.endpoint_id = ? AND a.seq < ? ORDER BY a.seq DESC LIMIT ?`,
      ),
    };
  }

  async deliverDue(
    now: number,
    attempt: (delivery: DueDelivery) => Promise<AttemptOutcome>,
  ): Promise<boolean> {
    const row = this.sql.due
      .all(now, this.underWay.size + 1)
      .find((candidate) => !this.underWay.has(keyOf(candidate.endpoint_id, candidate.event_id)));
    if (!row) return false;
    const key = keyOf(row.endpoint_id, row.event_id);
    this.underWay.add(key);
    try {
      const delivery = dueDelivery(row);
      const outcome = await attempt(delivery);
      const columns = attemptColumns(outcome);
      await this.store.commit([
        {
          sql: `UPDATE webhook_deliveries SET status = ?, attempts = ?, next_attempt_at = ?
                WHERE endpoint_id = ? AND event_id = ?`,
          params: [
            outcome.status,
            delivery.attempt,
            outcome.nextAttemptAt,
            delivery.endpointId,
            delivery.eventId,
          ],
        },
        {
          sql: `INSERT INTO webhook_attempts (id, endpoint_id, event_id, attempt, status,
                  response_status, at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          params: [
            newId('wha'),
            delivery.endpointId,
            delivery.eventId,
            delivery.attempt,
            columns.status,
            columns.response_status,
            columns.at,
            columns.next_attempt_at,
          ],
        },
      ]);
      return true;
    } finally {
      this.underWay.delete(key);
    }
  }

  async nextDueAt(): Promise<number | null> {
    return this.sql.nextDue.get()?.due ?? null;
  }

  async endpoints(): Promise<WebhookEndpoint[]> {
    return this.sql.endpoints
      .all()
      .map((row) => endpointFromRow({ ...row, events: JSON.parse(row.events) }));
  }

  async endpointExists(endpointId: string): Promise<boolean> {
    return this.sql.endpoint.get(endpointId) !== undefined;
  }

  async deleteEndpoint(endpointId: string, at: string): Promise<boolean> {
    if (!(await this.endpointExists(endpointId))) return false;
    await this.store.commit([
      {
        sql: 'UPDATE webhook_endpoints SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL',
        params: [at, endpointId],
      },
    ]);
    return true;
  }

  async deliveriesPage(endpointId: string, page: PageRequest): Promise<Page<WebhookDelivery>> {
    let from = Number.MAX_SAFE_INTEGER;
    if (page.before !== undefined) {
      const row = this.sql.attemptSeq.get(endpointId, page.before);
      if (!row)
        throw new CursorError(`"before" names no delivery of this endpoint: ${page.before}`);
      from = row.seq;
    }
    const rows = this.sql.attempts.all(endpointId, from, page.limit + 1);
    return paged(rows.map(deliveryFromRow), page.limit);
  }

  async close(): Promise<void> {}
}

function keyOf(endpointId: string, eventId: string): string {
  return `${endpointId}\u0000${eventId}`;
}
