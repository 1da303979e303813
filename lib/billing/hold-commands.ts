import { operationName } from './catalog.ts';
import { accountQuote, refusalFor } from './consent.ts';
import { capture, release, reserve } from './holds.ts';
import { assertQuantity } from './quantity.ts';
import { type CommandOf, invalid, notPending, type Outcome } from './refusals.ts';
import type { AccountState, Catalog, Effect, Instant, Plan } from './types.ts';

/** docs/billing.md: a hold not resolved within its time to live (default 10 minutes) is released. */
const DEFAULT_HOLD_TTL_SECONDS = 600;
/** A hold's time to live may not exceed a day: longer is a forgotten hold, not a long job. */
const MAX_TTL_SECONDS = 86_400;

function pendingHold(state: AccountState, holdId: string) {
  const hold = state.holds.find((candidate) => candidate.id === holdId);
  return hold?.status === 'pending' ? hold : undefined;
}

/** Reserve fails at once when the operation is not covered and no overage was consented. */
export function reserveCommand(
  state: AccountState,
  command: CommandOf<'reserve'>,
  plan: Plan,
  now: Instant,
  catalog: Catalog,
): Outcome<Effect> {
  const ttlSeconds = command.ttlSeconds ?? DEFAULT_HOLD_TTL_SECONDS;
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_TTL_SECONDS) {
    return { refusal: invalid(`A hold's time to live must be 1 to ${MAX_TTL_SECONDS} seconds.`) };
  }
  if (state.holds.some((hold) => hold.id === command.holdId)) {
    return { refusal: invalid(`A hold with id ${command.holdId} already exists.`) };
  }
  const result = accountQuote(state, plan, command.operation, command.quantity);
  const refusal = refusalFor(result, command.overage, state, plan);
  if (refusal) return { refusal };
  const step = reserve(state, result, {
    holdId: command.holdId,
    memberId: command.memberId,
    ttlSeconds,
    at: now,
    operationName: operationName(catalog, command.operation),
    overageUsdPerCredit: plan.overageUsdPerCredit,
  });
  return { step, effect: { kind: 'reserve', hold: step.holds[0], quote: result } };
}

/** Capture at most the reserved quantity (all of it when none is given), once. */
export function captureCommand(
  state: AccountState,
  command: CommandOf<'capture'>,
  now: Instant,
  catalog: Catalog,
): Outcome<Effect> {
  const hold = pendingHold(state, command.holdId);
  if (!hold) return { refusal: notPending(command.holdId) };
  const quantity = command.quantity ?? hold.quantity;
  assertQuantity(quantity);
  if (quantity > hold.quantity) {
    return {
      refusal: {
        code: 'capture_exceeds_hold',
        message: `Cannot capture ${quantity}: the hold reserved ${hold.quantity}.`,
        reserved: hold.quantity,
      },
    };
  }
  const name = operationName(catalog, hold.operation);
  const step = capture(state, hold, quantity, command.memberId, now, name);
  return { step, effect: { kind: 'capture', hold: step.holds[0], entryIndex: 0 } };
}

export function releaseCommand(
  state: AccountState,
  command: CommandOf<'release'>,
  now: Instant,
): Outcome<Effect> {
  const hold = pendingHold(state, command.holdId);
  if (!hold) return { refusal: notPending(command.holdId) };
  const step = release(state, hold, command.memberId, now);
  return { step, effect: { kind: 'release', hold: step.holds[0] } };
}
