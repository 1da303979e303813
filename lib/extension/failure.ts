import { ApiError } from '../api/errors.ts';
import type { Messages } from '../i18n/messages.ts';
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
export function classifyFailure(error: unknown, m: Messages, accountName?: string): Failure {
  if (error instanceof ApiError && error.status === 401) {
    return {
      status: 'unauthorized',
      message: accountName ? m.t('accessRemoved', { account: accountName }) : m.t('tokenRefused'),
    };
  }
  if (error instanceof ApiError) {
    return {
      status: 'offline',
      message: m.t('serverAnswered', { status: error.status, message: error.message }),
    };
  }
  return { status: 'offline', message: m.t('cannotReachServer') };
}
