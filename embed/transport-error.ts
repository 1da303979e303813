import { ApiError, InvalidResponseError, NetworkError } from '../lib/api/errors.ts';
import { errorMessage } from '../lib/billing/errors.ts';
import type { SyncStatus } from '../lib/store/credit-source.ts';
import { TokenUnavailableError } from './token-source.ts';

/** What the store and the components get: a sentence a person reads, and the API code. */
export class TransportError extends Error {
  override readonly name = 'TransportError';

  constructor(
    message: string,
    readonly code: string,
    readonly status: Exclude<SyncStatus, 'fresh' | 'loading'>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * A browser reports a CORS refusal exactly like a network failure (a TypeError, no status), so
 * both read "cannot reach billing"; a 401 means the host's session is over.
 */
export function toTransportError(error: unknown, api: string): TransportError {
  if (error instanceof TransportError) return error;
  if (
    error instanceof TokenUnavailableError ||
    (error instanceof ApiError && error.status === 401)
  ) {
    return sessionExpired(error);
  }
  if (error instanceof ApiError) {
    return new TransportError(error.message, error.code, 'offline', { cause: error });
  }
  if (error instanceof InvalidResponseError) {
    return new TransportError(
      'Tally needs an update: billing answered in a form this version cannot read.',
      'invalid_response',
      'outdated',
      { cause: error },
    );
  }
  if (error instanceof NetworkError) {
    return new TransportError(`Cannot reach billing at ${api}.`, 'unreachable', 'offline', {
      cause: error,
    });
  }
  const message = errorMessage(error);
  return new TransportError(
    `Billing answered unexpectedly: ${message}`,
    'invalid_response',
    'offline',
    { cause: error },
  );
}

/** The host's session is over: its token was refused, or it gave none. */
export function sessionExpired(cause?: unknown): TransportError {
  return new TransportError(
    'Your session expired. Sign in again to see your credits.',
    'unauthorized',
    'unauthorized',
    cause === undefined ? undefined : { cause },
  );
}
