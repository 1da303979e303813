// The outbox in SQLite (server/db/migrations.ts applies it as a step of its own). Events are
// written with the ledger change that caused them; a delivery row per endpoint that asked for
// the event's type, due at `next_attempt_at` (epoch ms on the server's clock, the dev clock when
// on); an attempt row per attempt made.
export const sqliteWebhookSchema = `
  CREATE TABLE webhook_endpoints (
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    events TEXT NOT NULL,           -- JSON array of event types
    secret TEXT NOT NULL,           -- whsec_…: the sender signs with it
    created_at TEXT NOT NULL,
    deleted_at TEXT                 -- a deleted endpoint gets nothing more; its rows stay
  );
  CREATE TABLE webhook_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    type TEXT NOT NULL,
    at TEXT NOT NULL,
    body TEXT NOT NULL              -- the exact JSON every attempt sends
  );
  CREATE TABLE webhook_deliveries (
    endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints(id),
    event_id TEXT NOT NULL REFERENCES webhook_events(id),
    status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER,
    PRIMARY KEY (endpoint_id, event_id)
  );
  CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at)
    WHERE status = 'pending';
  CREATE TABLE webhook_attempts (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints(id),
    event_id TEXT NOT NULL REFERENCES webhook_events(id),
    attempt INTEGER NOT NULL,
    status TEXT NOT NULL,
    response_status INTEGER,
    at TEXT NOT NULL,
    next_attempt_at TEXT
  );
  CREATE INDEX webhook_attempts_endpoint ON webhook_attempts(endpoint_id, seq);
`;
