import {
  changePlanCommand,
  setAlertThresholdsCommand,
  setOveragePolicyCommand,
} from './admin-commands.ts';
import { promisedUsd } from './cap-view.ts';
import { findPlan, operationName } from './catalog.ts';
import { accountQuote, refusalFor } from './consent.ts';
import { termBounds } from './cycle.ts';
import { BillingError } from './errors.ts';
import { captureCommand, releaseCommand, reserveCommand } from './hold-commands.ts';
import { instantMs, toInstant } from './instant.ts';
import { invalid, type Outcome } from './refusals.ts';
import { settle } from './settle.ts';
import { join, type Step, unchanged } from './transition.ts';
import type {
  AccountState,
  Applied,
  Catalog,
  Command,
  Effect,
  Instant,
  OverageFacts,
  Plan,
} from './types.ts';
import { recordUsage } from './usage.ts';

export { openAccount } from './opening.ts';

/** Runs the command on a state already settled up to `now`. */
function run(
  state: AccountState,
  command: Command,
  now: Instant,
  catalog: Catalog,
): Outcome<Effect> {
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
    case 'reserve':
      return reserveCommand(state, command, plan, now, catalog);
    case 'capture':
      return captureCommand(state, command, now, catalog);
    case 'release':
      return releaseCommand(state, command, now);
    case 'change-plan':
      return changePlanCommand(state, command, now, catalog);
    case 'set-overage-policy':
      return setOveragePolicyCommand(state, command);
    case 'set-alert-thresholds':
      return setAlertThresholdsCommand(state, command);
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
  let outcome: Outcome<Effect>;
  try {
    outcome = run(settled.state, command, at, catalog);
  } catch (error) {
    if (!(error instanceof BillingError)) throw error;
    outcome = { refusal: invalid(error.message, error.code) };
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

/** The billing part of a Snapshot (docs/api.md). */
export interface AccountDescription {
  plan: Plan;
  /** The current term, [start, end). */
  cycle: { start: Instant; end: Instant };
  credits: AccountState['credits'];
  overage: OverageFacts;
}

export function describeAccount(state: AccountState, catalog: Catalog): AccountDescription {
  return {
    plan: findPlan(catalog, state.planId),
    cycle: termBounds(state.cycle),
    credits: state.credits,
    overage: { ...state.overage, heldUsd: promisedUsd(state.holds) },
  };
}
