import { ApiError } from '../api/errors.ts';
import type { SyncStatus } from '../store/credit-source.ts';

/** How a failed sync shows: a refused token needs the user; anything else is worth retrying. */
export interface Failure {
  status: Extract<SyncStatus, 'offline' | 'unauthorized'>;
  message: string;
}

/**
 * `accountName`: the account this token worked for. A token that worked and now answers 401
 * was revoked (its member removed, or the token rotated): the person is told so, by name.
 */
export function classifyFailure(error: unknown, accountName?: string): Failure {
  if (error instanceof ApiError && error.status === 401) {
    return {
      status: 'unauthorized',
      message: accountName
        ? `Your access to ${accountName} was removed. Ask its admin for a new token to reconnect.`
        : 'The billing server no longer accepts this token: reconnect.',
    };
  }
  if (error instanceof ApiError) {
    return {
      status: 'offline',
      message: `The billing server answered ${error.status}: ${error.message}`,
    };
  }
  return { status: 'offline', message: 'Cannot reach the billing server.' };
}
