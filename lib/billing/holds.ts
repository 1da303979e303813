import {
  minDecimal,
  parseCredits,
  parseUsd,
  roundCents,
  toCreditsString,
  toUsdString,
} from './decimal.ts';
import { formatCredits, overageNote } from './format.ts';
import { addSeconds } from './instant.ts';
import { balances, chargesFor, entry, type Step, withBalances, withoutHold } from './transition.ts';
import type { AccountState, Hold, Instant, Quote, Usd } from './types.ts';

/** A step of one hold: the hold as it ends up is its only entry of `holds`. */
export type HoldStep = Step & { holds: [Hold] };

// Holds work like a card authorization (docs/billing.md, Holds): reserve the plan credits of a
// quote, then capture what was really used (the rest returns) or release everything.

export interface ReserveRequest {
  holdId: string;
  memberId: string;
  ttlSeconds: number;
  at: Instant;
  operationName: string;
  /** The plan's overage rate now, kept on the hold for its capture. */
  overageUsdPerCredit: Usd;
}

export function reserve(state: AccountState, result: Quote, request: ReserveRequest): HoldStep {
  const before = balances(state);
  const credits = parseCredits(result.fromPlan);
  const available = before.available.minus(credits);
  const hold: Hold = {
    id: request.holdId,
    memberId: request.memberId,
    operation: result.operation,
    quantity: result.quantity,
    credits: result.fromPlan,
    overageCredits: result.overageCredits,
    overageUsd: result.overageUsd,
    overageUsdPerCredit: request.overageUsdPerCredit,
    status: 'pending',
    createdAt: request.at,
    expiresAt: addSeconds(request.at, request.ttlSeconds),
    resolvedAt: null,
  };
  const held = entry({
    at: request.at,
    kind: 'hold',
    memberId: request.memberId,
    operation: result.operation,
    quantity: result.quantity,
    holdId: hold.id,
    credits: credits.negated(),
    availableAfter: available,
    description: `${formatCredits(result.fromPlan)} held for ${result.quantity.toLocaleString('en-US')} × ${request.operationName}`,
  });
  const next = withBalances(state, { ...before, available, held: before.held.plus(credits) });
  return {
    state: { ...next, holds: [...state.holds, hold] },
    entries: [held],
    charges: [],
    holds: [hold],
    changed: true,
  };
}

/** Returns a pending hold's credits to available, as released by a member or by its expiry. */
function returnHold(
  state: AccountState,
  hold: Hold,
  status: 'released' | 'expired',
  at: Instant,
  memberId: string | null,
): HoldStep {
  const before = balances(state);
  const credits = parseCredits(hold.credits);
  const available = before.available.plus(credits);
  const resolved: Hold = { ...hold, status, resolvedAt: at };
  const why = status === 'expired' ? 'expired' : 'released';
  const released = entry({
    at,
    kind: 'release',
    memberId,
    operation: hold.operation,
    quantity: hold.quantity,
    holdId: hold.id,
    credits,
    availableAfter: available,
    description: `Hold ${why}: ${formatCredits(hold.credits)} returned`,
  });
  const next = withBalances(state, { ...before, available, held: before.held.minus(credits) });
  return {
    state: { ...next, holds: withoutHold(state.holds, hold.id) },
    entries: [released],
    charges: [],
    holds: [resolved],
    changed: true,
  };
}

export function release(state: AccountState, hold: Hold, memberId: string, at: Instant): HoldStep {
  return returnHold(state, hold, 'released', at, memberId);
}

/** A hold not resolved within its time to live is released by the clock, at its expiresAt. */
export function expireHold(state: AccountState, hold: Hold): HoldStep {
  return returnHold(state, hold, 'expired', hold.expiresAt, null);
}

/**
 * Debits `quantity` (≤ the reserved quantity) of a pending hold: plan credits up to what was
 * held, the rest of the hold back to available, and the overage part charged at the hold's own
 * overage rate, never above the amount consented at reserve time.
 */
export function capture(
  state: AccountState,
  hold: Hold,
  quantity: number,
  memberId: string,
  at: Instant,
  operationName: string,
): HoldStep {
  const before = balances(state);
  const held = parseCredits(hold.credits);
  const consentedCredits = parseCredits(hold.overageCredits);
  const consentedUsd = parseUsd(hold.overageUsd);
  // The hold fixed the rates when it was made: a plan change in between reprices nothing.
  const rate = held.plus(consentedCredits).dividedBy(hold.quantity);
  const actual = rate.times(quantity);
  const fromPlan = minDecimal(actual, held);
  const overageCredits = minDecimal(actual.minus(fromPlan), consentedCredits);
  const overageUsd = overageCredits.equals(consentedCredits)
    ? consentedUsd
    : minDecimal(
        roundCents(overageCredits.times(parseUsd(hold.overageUsdPerCredit))),
        consentedUsd,
      );
  const returned = held.minus(fromPlan);
  const available = before.available.plus(returned);
  const captured = entry({
    at,
    kind: 'capture',
    memberId,
    operation: hold.operation,
    quantity,
    holdId: hold.id,
    credits: returned,
    overageCredits,
    amountUsd: overageUsd,
    availableAfter: available,
    description: `Captured ${quantity} of ${hold.quantity} × ${operationName} held: ${formatCredits(fromPlan.toString())} used, ${formatCredits(returned.toString())} returned${overageNote(toCreditsString(overageCredits), toUsdString(overageUsd))}`,
  });
  const next = withBalances(state, {
    available,
    held: before.held.minus(held),
    granted: before.granted,
    used: before.used.plus(fromPlan),
    overageCredits: before.overageCredits.plus(overageCredits),
    overageUsd: before.overageUsd.plus(overageUsd),
  });
  return {
    state: { ...next, holds: withoutHold(state.holds, hold.id) },
    entries: [captured],
    charges: chargesFor(captured, 0, 'overage'),
    holds: [{ ...hold, status: 'captured', resolvedAt: at }],
    changed: true,
  };
}
