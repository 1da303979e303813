import type { Step } from './transition';
import type { Command, Refusal } from './types';

/** What a command produced: a step to keep, with its effect, or a typed refusal. */
export type Outcome<E> = { step: Step; effect: E } | { refusal: Refusal };

export type CommandOf<K extends Command['kind']> = Extract<Command, { kind: K }>;

export function invalid(message: string): Refusal {
  return { code: 'invalid_request', message };
}

/** BILLING.md: a member gets a clear "ask your admin" answer, never a silent failure. */
export function forbidden(action: string): Refusal {
  return { code: 'forbidden', message: `Only an account admin can ${action}; ask your admin.` };
}

export function notPending(holdId: string): Refusal {
  return {
    code: 'hold_not_pending',
    message: `Hold ${holdId} is no longer pending: it was already captured, released or expired.`,
    holdId,
  };
}
