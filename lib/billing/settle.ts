import { addMonths, termIndexAt } from './cycle.ts';
import { MAX_SEPARATE_RENEWALS, renewDormant } from './dormant-renewals.ts';
import { expireHold } from './holds.ts';
import { instantMs, toInstant } from './instant.ts';
import { renew } from './renewal.ts';
import { join, type Step, unchanged } from './transition.ts';
import type { AccountState, Catalog, Instant } from './types.ts';

/**
 * What the clock did since the state was saved, in time order: renewals at the ends of terms
 * and automatic release of holds past their time to live. A hold that expired before a term
 * ended returns its credits before that renewal (and they then expire with the term).
 * Evaluated lazily, so a request three months late applies three renewals, each in full; after
 * more than a year of dormancy the empty renewals past the first are one step (dormant-renewals).
 */
export function settle(state: AccountState, now: Instant, catalog: Catalog): Step {
  const nowMs = instantMs(now, 'The current time');
  let step = unchanged(state);
  for (;;) {
    const current = step.state;
    const termEnd = addMonths(current.cycle.anchor, current.cycle.term + 1);
    const termEndMs = instantMs(termEnd);
    const firstExpiry = current.holds
      .filter((hold) => instantMs(hold.expiresAt) <= nowMs)
      .sort((a, b) => instantMs(a.expiresAt) - instantMs(b.expiresAt))[0];
    if (firstExpiry && instantMs(firstExpiry.expiresAt) <= termEndMs) {
      step = join(step, expireHold(current, firstExpiry));
    } else if (termEndMs <= nowMs) {
      step = join(step, renew(current, toInstant(termEndMs), catalog));
      const emptyDue = termIndexAt(current.cycle.anchor, now) - current.cycle.term - 1;
      // No hold is due to expire (firstExpiry is none): every term after this one is empty.
      if (!firstExpiry && emptyDue >= MAX_SEPARATE_RENEWALS) {
        step = join(step, renewDormant(step.state, emptyDue, catalog));
      }
    } else {
      return step;
    }
  }
}
