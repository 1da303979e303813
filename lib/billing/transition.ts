import { type Decimal, parseCredits, parseUsd, toCreditsString, toUsdString } from './decimal.ts';
import type {
  AccountState,
  ChargeDraft,
  EntryDraft,
  EntryKind,
  Hold,
  Instant,
  OperationId,
  PlanId,
  Transition,
} from './types.ts';

/** A transition plus whether it changed the account (a settle with nothing due does not). */
export interface Step extends Transition {
  changed: boolean;
}

export function unchanged(state: AccountState): Step {
  return { state, entries: [], charges: [], holds: [], changed: false };
}

/** `second` ran on `first.state`: its charges point into the joined entry list. */
export function join(first: Step, second: Step): Step {
  const offset = first.entries.length;
  return {
    state: second.state,
    entries: [...first.entries, ...second.entries],
    charges: [
      ...first.charges,
      ...second.charges.map((charge) => ({ ...charge, entryIndex: charge.entryIndex + offset })),
    ],
    holds: [...first.holds, ...second.holds],
    changed: first.changed || second.changed,
  };
}

/** The account's balances as decimals, to compute with. */
export function balances(state: AccountState) {
  return {
    available: parseCredits(state.credits.available),
    held: parseCredits(state.credits.held),
    granted: parseCredits(state.credits.granted),
    used: parseCredits(state.credits.used),
    overageCredits: parseCredits(state.overage.creditsThisCycle),
    overageUsd: parseUsd(state.overage.usdThisCycle),
  };
}

export type Balances = ReturnType<typeof balances>;

/** Writes decimals back as canonical strings. */
export function withBalances(state: AccountState, next: Balances): AccountState {
  return {
    ...state,
    credits: {
      available: toCreditsString(next.available),
      held: toCreditsString(next.held),
      granted: toCreditsString(next.granted),
      used: toCreditsString(next.used),
    },
    overage: {
      ...state.overage,
      creditsThisCycle: toCreditsString(next.overageCredits),
      usdThisCycle: toUsdString(next.overageUsd),
    },
  };
}

export interface EntryFacts {
  at: Instant;
  kind: EntryKind;
  memberId: string | null;
  credits: Decimal;
  overageCredits?: Decimal;
  amountUsd?: Decimal;
  availableAfter: Decimal;
  description: string;
  operation?: OperationId;
  quantity?: number;
  holdId?: string;
  planId?: PlanId;
  fromPlanId?: PlanId;
  terms?: number;
}

export function entry(facts: EntryFacts): EntryDraft {
  const draft: EntryDraft = {
    at: facts.at,
    kind: facts.kind,
    memberId: facts.memberId,
    credits: toCreditsString(facts.credits),
    overageCredits: facts.overageCredits ? toCreditsString(facts.overageCredits) : '0',
    amountUsd: toUsdString(facts.amountUsd ?? parseUsd('0')),
    availableAfter: toCreditsString(facts.availableAfter),
    description: facts.description,
  };
  if (facts.operation !== undefined) draft.operation = facts.operation;
  if (facts.quantity !== undefined) draft.quantity = facts.quantity;
  if (facts.holdId !== undefined) draft.holdId = facts.holdId;
  if (facts.planId !== undefined) draft.planId = facts.planId;
  if (facts.fromPlanId !== undefined) draft.fromPlanId = facts.fromPlanId;
  if (facts.terms !== undefined) draft.terms = facts.terms;
  return draft;
}

/** The charge a priced entry causes; none for $0 (a free renewal, overage under a cent). */
export function chargesFor(
  draft: EntryDraft,
  entryIndex: number,
  kind: ChargeDraft['kind'],
): ChargeDraft[] {
  if (parseUsd(draft.amountUsd).isZero()) return [];
  return [
    { at: draft.at, kind, amountUsd: draft.amountUsd, description: draft.description, entryIndex },
  ];
}

export function withoutHold(holds: Hold[], id: string): Hold[] {
  return holds.filter((hold) => hold.id !== id);
}
