// The outbox in PostgreSQL (server/db/postgres-migrations.ts applies it as a step of its own);
// the same tables as in SQLite (sqlite-schema.ts). Senders on every node claim due deliveries
// with FOR UPDATE SKIP LOCKED (postgres-outbox.ts).
export const postgresWebhookSchema = `
  CREATE TABLE webhook_endpoints (
    id text PRIMARY KEY,
    url text NOT NULL,
    events text[] NOT NULL,
    secret text NOT NULL,
    created_at text NOT NULL,
    deleted_at text
  );
  CREATE TABLE webhook_events (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id text NOT NULL UNIQUE,
    account_id text NOT NULL REFERENCES accounts(id),
    type text NOT NULL,
    at text NOT NULL,
    body text NOT NULL
  );
  CREATE TABLE webhook_deliveries (
    endpoint_id text NOT NULL REFERENCES webhook_endpoints(id),
    event_id text NOT NULL REFERENCES webhook_events(id),
    status text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at bigint,
    PRIMARY KEY (endpoint_id, event_id)
  );
  CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at)
    WHERE status = 'pending';
  CREATE TABLE webhook_attempts (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id text NOT NULL UNIQUE,
    endpoint_id text NOT NULL REFERENCES webhook_endpoints(id),
    event_id text NOT NULL REFERENCES webhook_events(id),
    attempt integer NOT NULL,
    status text NOT NULL,
    response_status integer,
    at text NOT NULL,
    next_attempt_at text
  );
  CREATE INDEX webhook_attempts_endpoint ON webhook_attempts(endpoint_id, seq);
`;
