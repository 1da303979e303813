// Exponential backoff with "equal jitter": half the delay is fixed, half random, so a fleet of
// workers that lost the server at the same moment do not all come back in the same instant,
// yet no retry comes sooner than half its nominal delay.

export interface BackoffPolicy {
  /** Delay before the first retry. */
  baseMs: number;
  /** No delay grows past this. */
  maxMs: number;
  /** A number in [0, 1); injectable so tests are deterministic. */
  random?: () => number;
}

export const SYNC_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 15_000 };

/** The delay before retry number `attempt` (0 for the first retry). */
export function backoffDelay(attempt: number, policy: BackoffPolicy = SYNC_BACKOFF): number {
  const random = policy.random ?? Math.random;
  const nominal = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(nominal / 2 + (nominal / 2) * random());
}
