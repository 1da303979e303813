import postgres from 'postgres';

// How the errors of PostgreSQL and its client are told apart: an answer to a statement, or a
// connection lost.

/** An error PostgreSQL answered the statement with: the transaction did not commit. */
export function fromServer(error: unknown): boolean {
  return error instanceof postgres.PostgresError && error.severity === 'ERROR';
}

/** The error's code: PostgreSQL's SQLSTATE, or the client's or the socket's own; '' when none. */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** How the client tells of a connection that closed, was reset, or could not be opened. */
const lostConnection = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
]);

/**
 * The connection was lost (a failover, a restart, a proxy that cut it), or PostgreSQL ended
 * the session (FATAL): what was sent on it and not answered may run again on another one.
 */
export function connectionLost(error: unknown): boolean {
  if (error instanceof postgres.PostgresError) return error.severity === 'FATAL';
  return lostConnection.has(errorCode(error));
}

/** Most attempts of a read on the pool whose connections are lost under it. */
const readAttempts = 3;

/** A read on the pool; should its connection be lost under it, again on another one. */
export async function reread<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (attempt >= readAttempts || !connectionLost(error)) throw error;
      await new Promise((done) => setTimeout(done, 10 * attempt));
    }
  }
}

/**
 * Waits for statements pipelined on one connection, in the order they were sent. They run in
 * that order, so the first of them to fail is the cause; those behind it only say that the
 * transaction is aborted (25P02), and the client may reject one of those first. Fails, once
 * every statement has answered, with the cause.
 */
export async function answeredInOrder(statements: Promise<unknown>[]): Promise<unknown[]> {
  const settled = await Promise.allSettled(statements);
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value);
}
