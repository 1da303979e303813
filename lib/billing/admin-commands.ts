import { checkThresholds, DEFAULT_ALERT_THRESHOLDS } from './balance-alerts.ts';
import { parseUsd, toUsdString } from './decimal.ts';
import { changePlan } from './plan-change.ts';
import { type CommandOf, forbidden, invalid, type Outcome } from './refusals.ts';
import { unchanged } from './transition.ts';
import type { AccountState, Catalog, Effect, Instant } from './types.ts';

export function changePlanCommand(
  state: AccountState,
  command: CommandOf<'change-plan'>,
  now: Instant,
  catalog: Catalog,
): Outcome<Effect> {
  if (command.role !== 'admin') return { refusal: forbidden('change the plan') };
  if (!catalog.plans.some((candidate) => candidate.id === command.planId)) {
    return { refusal: invalid(`There is no plan "${command.planId}".`, 'unknown_plan') };
  }
  const { preview, ...step } = changePlan(state, command.planId, now, catalog, command.memberId);
  return { step, effect: { kind: 'change-plan', preview } };
}

/** Setting the policy and cap already in force changes nothing (and bumps no version). */
export function setOveragePolicyCommand(
  state: AccountState,
  command: CommandOf<'set-overage-policy'>,
): Outcome<Effect> {
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
  const effect: Effect = { kind: 'set-overage-policy' };
  if (state.overage.policy === command.policy && state.overage.capUsd === capUsd) {
    return { step: unchanged(state), effect };
  }
  const next = { ...state, overage: { ...state.overage, policy: command.policy, capUsd } };
  return { step: { ...unchanged(next), changed: true }, effect };
}

/**
 * The admin's alert thresholds, kept highest first. The same set changes nothing; a new one
 * re-arms nothing that fired this term and fires nothing by itself (docs/billing.md).
 */
export function setAlertThresholdsCommand(
  state: AccountState,
  command: CommandOf<'set-alert-thresholds'>,
): Outcome<Effect> {
  if (command.role !== 'admin') return { refusal: forbidden('set the low-balance alerts') };
  checkThresholds(command.thresholds);
  const thresholds = [...command.thresholds].sort((a, b) => b - a);
  const effect: Effect = { kind: 'set-alert-thresholds' };
  const current = state.alertThresholds ?? DEFAULT_ALERT_THRESHOLDS;
  if (current.join() === thresholds.join()) return { step: unchanged(state), effect };
  return {
    step: { ...unchanged({ ...state, alertThresholds: thresholds }), changed: true },
    effect,
  };
}
