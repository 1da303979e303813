import type { Context } from 'hono';
import { IdempotencyKeySchema } from '../lib/api/schemas/requests.ts';
import type { AppDeps } from './deps.ts';
import { ApiError } from './errors.ts';
import { header } from './header.ts';
import { requestHash, type StoredResponse } from './idempotency.ts';
import type { LedgerTx } from './ledger/ledger.ts';
import { valid } from './validate.ts';

/** The Idempotency-Key of a state-changing POST (docs/api.md): required, 1–255 characters. */
export function idempotencyKey(c: Context): string {
  const key = header(c, 'idempotency-key');
  if (key === undefined) {
    throw new ApiError('idempotency_key_required', 'This request needs an Idempotency-Key header');
  }
  return valid(IdempotencyKeySchema, key, 'Idempotency-Key header');
}

/**
 * Runs a state change at most once per (scope, key): the change and its stored answer commit
 * together; a replay answers the first status and body.
 */
export async function respondOnce(
  deps: AppDeps,
  c: Context,
  scope: string,
  key: string,
  body: unknown,
  produce: (tx: LedgerTx) => Promise<StoredResponse>,
): Promise<Response> {
  const hash = requestHash(c.req.method, c.req.path, body);
  const response = await deps.ledger.atomically(scope, (tx) =>
    deps.idempotency.run(tx, scope, key, hash, () => produce(tx)),
  );
  if (response.text !== undefined) {
    return c.body(response.text, response.status as 200, { 'Content-Type': 'application/json' });
  }
  return c.json(response.body as object, response.status as 200);
}

/** A refusal worth keeping under the key (402, 403, 409, 422): the body of docs/api.md's shape. */
export function refused(error: ApiError): StoredResponse {
  // A request the rules call invalid is not kept, like any validation failure (docs/api.md): thrown,
  // it rolls back and can be fixed and retried under the same key.
  if (error.code === 'invalid_request') throw error;
  return { status: error.status, body: error.body() };
}
