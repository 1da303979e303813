import type { BillingErrorCode } from './errors.ts';
import type { Step } from './transition.ts';
import type { Command, HoldStatus, Refusal } from './types.ts';

/** What a command produced: a step to keep, with its effect, or a typed refusal. */
export type Outcome<E> = { step: Step; effect: E } | { refusal: Refusal };

export type CommandOf<K extends Command['kind']> = Extract<Command, { kind: K }>;

export function invalid(message: string, reason?: BillingErrorCode): Refusal {
  return reason
    ? { code: 'invalid_request', message, reason }
    : { code: 'invalid_request', message };
}

/** docs/billing.md: a member gets a clear "ask your admin" answer, never a silent failure. */
export function forbidden(action: string): Refusal {
  return { code: 'forbidden', message: `Only an account admin can ${action}; ask your admin.` };
}

export function notPending(holdId: string): Refusal {
  return { code: 'hold_not_pending', message: holdNotPendingMessage(holdId), holdId };
}

/**
 * Why a hold can no longer be captured or released, in the words of what happened to it. The
 * account state keeps only pending holds, so the store, which knows the resolved status, asks.
 */
export function holdNotPendingMessage(holdId: string, status?: HoldStatus): string {
  switch (status) {
    case 'captured':
      return `Hold ${holdId} was already captured: a hold is settled only once.`;
    case 'released':
      return `Hold ${holdId} was already released and its credits returned.`;
    case 'expired':
      return `Hold ${holdId} ran past its time to live, so it expired and its credits were returned: reserve again to run the operation.`;
    default:
      return `Hold ${holdId} is no longer pending: it was already captured, released or expired.`;
  }
}
