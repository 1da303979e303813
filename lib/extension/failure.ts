import { ApiError } from '../api/errors.ts';
import type { SyncStatus } from '../store/credit-source.ts';

/** How a failed sync shows: a refused token needs the user; anything else is worth retrying. */
export interface Failure {
  status: Extract<SyncStatus, 'offline' | 'unauthorized'>;
  message: string;
}

export function classifyFailure(error: unknown): Failure {
  if (error instanceof ApiError && error.status === 401) {
    return {
      status: 'unauthorized',
      message: 'The billing server no longer accepts this token: reconnect.',
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
