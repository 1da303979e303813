// docs/api.md "Webhooks": any answer but a 2xx within 15 s is retried after 5 s, 5 min, 30 min, 2 h,
// 5 h, 10 h and 10 h; the eighth failure marks the delivery failed.

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;

/** Waits after failed attempt 1, 2, … 7. */
export const retryDelaysMs: readonly number[] = [
  5 * second,
  5 * minute,
  30 * minute,
  2 * hour,
  5 * hour,
  10 * hour,
  10 * hour,
];

/** How long a receiver has to answer an attempt. */
export const attemptTimeoutMs = 15 * second;

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

/**
 * Where a delivery stands after attempt number `attempt` answered `responseStatus` (null: no
 * answer in time) at `now` (epoch ms, server clock): done, or due again at `nextAttemptAt`.
 */
export function afterAttempt(
  attempt: number,
  responseStatus: number | null,
  now: number,
): { status: DeliveryStatus; nextAttemptAt: number | null } {
  if (responseStatus !== null && responseStatus >= 200 && responseStatus < 300) {
    return { status: 'succeeded', nextAttemptAt: null };
  }
  const wait = retryDelaysMs[attempt - 1];
  return wait === undefined
    ? { status: 'failed', nextAttemptAt: null }
    : { status: 'pending', nextAttemptAt: now + wait };
}
