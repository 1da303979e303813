import { findPlan, operationName } from './catalog';
import { accountQuote, refusalFor } from './consent';
import { termBounds } from './cycle';
import { parseUsd, toUsdString } from './decimal';
import { BillingError } from './errors';
import { capture, release, reserve } from './holds';
import { instantMs, toInstant } from './instant';
import { changePlan } from './plan-change';
import { assertQuantity } from './quantity';
import { settle } from './settle';
import { join, type Step, unchanged } from './transition';
import type { AccountState, Applied, Catalog, Command, Effect, Instant, Refusal } from './types';
import { recordUsage } from './usage';

export { openAccount } from './opening';

/** A hold's time to live may not exceed a day: longer is a forgotten hold, not a long job. */
const MAX_TTL_SECONDS = 86_400;

type Outcome = { step: Step; effect: Effect } | { refusal: Refusal };

function forbidden(action: string): Refusal {
  return { code: 'forbidden', message: `Only an account admin can ${action}; ask your admin.` };
}

function invalid(message: string): Refusal {
  return { code: 'invalid_request', message };
}

function pendingHold(state: AccountState, holdId: string) {
  const hold = state.holds.find((candidate) => candidate.id === holdId);
  return hold?.status === 'pending' ? hold : undefined;
}

function notPending(holdId: string): Refusal {
  return {
    code: 'hold_not_pending',
    message: `Hold ${holdId} is no longer pending: it was already captured, released or expired.`,
    holdId,
  };
}

/** Runs the command on a state already settled up to `now`. */
function run(state: AccountState, command: Command, now: Instant, catalog: Catalog): Outcome {
  const plan = findPlan(catalog, state.planId);
  switch (command.kind) {
    case 'settle':
      return { step: unchanged(state), effect: { kind: 'settle' } };
    case 'usage': {
      const result = accountQuote(state, plan, command.operation, command.quantity);
      const refusal = refusalFor(result, command.overage, state, plan);
      if (refusal) return { refusal };
      const name = operationName(catalog, command.operation);
      const step = recordUsage(state, plan, result, command.memberId, now, name);
      return { step, effect: { kind: 'usage', entryIndex: 0, quote: result } };
    }
    case 'reserve': {
      const { ttlSeconds } = command;
      if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_TTL_SECONDS) {
        return {
          refusal: invalid(`A hold's time to live must be 1 to ${MAX_TTL_SECONDS} seconds.`),
        };
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
      });
      return { step, effect: { kind: 'reserve', hold: step.holds[0]!, quote: result } };
    }
    case 'capture': {
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
      const step = capture(state, hold, quantity, plan, command.memberId, now);
      return { step, effect: { kind: 'capture', hold: step.holds[0]!, entryIndex: 0 } };
    }
    case 'release': {
      const hold = pendingHold(state, command.holdId);
      if (!hold) return { refusal: notPending(command.holdId) };
      const step = release(state, hold, command.memberId, now);
      return { step, effect: { kind: 'release', hold: step.holds[0]! } };
    }
    case 'change-plan': {
      if (command.role !== 'admin') return { refusal: forbidden('change the plan') };
      if (!catalog.plans.some((candidate) => candidate.id === command.planId)) {
        return { refusal: invalid(`There is no plan "${command.planId}".`) };
      }
      const { preview, ...step } = changePlan(
        state,
        command.planId,
        now,
        catalog,
        command.memberId,
      );
      return { step, effect: { kind: 'change-plan', preview } };
    }
    case 'set-overage-policy': {
      if (command.role !== 'admin') return { refusal: forbidden('change the overage policy') };
      if (command.policy !== 'ask' && command.policy !== 'auto') {
        return { refusal: invalid('The overage policy must be "ask" or "auto".') };
      }
      const cap = command.capUsd === null ? null : parseUsd(command.capUsd, 'The overage cap');
      if (cap && cap.decimalPlaces() > 2) {
        return {
          refusal: invalid('The overage cap is in dollars and cents (at most 2 decimal places).'),
        };
      }
      const capUsd = cap ? toUsdString(cap) : null;
      const same = state.overage.policy === command.policy && state.overage.capUsd === capUsd;
      const next = { ...state, overage: { ...state.overage, policy: command.policy, capUsd } };
      const step = same ? unchanged(state) : { ...unchanged(next), changed: true };
      return { step, effect: { kind: 'set-overage-policy' } };
    }
  }
}

function finish(step: Step, before: AccountState) {
  const { changed, ...transition } = step;
  const version = before.version + (changed ? 1 : 0);
  return { ...transition, state: { ...transition.state, version } };
}

/**
 * The one place where the rules act on an account: first what the clock did (renewals due,
 * expired holds), then the command. A refusal still carries what the clock did.
 * `version` grows by one when anything changed, so an unchanged version means nothing to save.
 */
export function apply(
  state: AccountState,
  command: Command,
  now: Instant,
  catalog: Catalog,
): Applied {
  const at = toInstant(instantMs(now, 'The current time'));
  const settled = settle(state, at, catalog);
  let outcome: Outcome;
  try {
    outcome = run(settled.state, command, at, catalog);
  } catch (error) {
    if (!(error instanceof BillingError)) throw error;
    outcome = { refusal: invalid(error.message) };
  }
  if ('refusal' in outcome) {
    return { ...finish(settled, state), ok: false, refusal: outcome.refusal };
  }
  const step = join(settled, outcome.step);
  const effect = shiftEffect(outcome.effect, settled.entries.length);
  return { ...finish(step, state), ok: true, effect };
}

/** Effects point into the command's own entries; after settling they sit further down. */
function shiftEffect(effect: Effect, offset: number): Effect {
  if (effect.kind === 'usage' || effect.kind === 'capture') {
    return { ...effect, entryIndex: effect.entryIndex + offset };
  }
  return effect;
}

/** The billing part of a Snapshot (API.md): plan, current term, credits and overage. */
export function describeAccount(state: AccountState, catalog: Catalog) {
  return {
    plan: findPlan(catalog, state.planId),
    cycle: termBounds(state.cycle),
    credits: state.credits,
    overage: state.overage,
  };
}
