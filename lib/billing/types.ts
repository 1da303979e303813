// The plain data the billing rules (docs/billing.md) take and return.
// Credits and dollars are decimal strings at every boundary; instants are ISO-8601 UTC strings.
// Everything here is JSON-serializable so the server can persist it and clients can cache it.
import type { BillingErrorCode } from './errors.ts';

/** Credits as a decimal string, at most 3 decimal places ("4568.7"). */
export type Credits = string;
/** Dollars as a decimal string ("0.41", "0.0547"). */
export type Usd = string;
/** An ISO-8601 UTC instant ("2026-05-08T00:00:00.000Z"). */
export type Instant = string;

export type OperationId = string;
export type PlanId = string;

export interface Operation {
  id: OperationId;
  name: string;
}

export interface Plan {
  id: PlanId;
  name: string;
  priceUsd: Usd;
  listPriceUsd: Usd;
  monthlyCredits: Credits;
  overageUsdPerCredit: Usd;
  allowsOverage: boolean;
  /** Credits per operation, by operation id. */
  rates: Record<OperationId, Credits>;
}

export interface Catalog {
  operations: Operation[];
  plans: Plan[];
}

export type OveragePolicy = 'ask' | 'auto';
export type OverageChoice = 'deny' | 'accept';
export type Role = 'admin' | 'member';

export interface OverageState {
  policy: OveragePolicy;
  /** Monthly cap on overage dollars under `auto`; null = no cap. */
  capUsd: Usd | null;
  creditsThisCycle: Credits;
  usdThisCycle: Usd;
}

/**
 * The overage as a Snapshot tells it: the state's, and the overage that pending holds were
 * promised, which counts against the cap until they resolve (docs/billing.md, decisions 2).
 */
export interface OverageFacts extends OverageState {
  heldUsd: Usd;
}

export type QuoteOutcome = 'covered' | 'overage' | 'blocked';
export type BlockedReason = 'plan-disallows-overage' | 'overage-cap-reached';

export interface Quote {
  operation: OperationId;
  quantity: number;
  credits: Credits;
  fromPlan: Credits;
  overageCredits: Credits;
  overageUsd: Usd;
  /** fromPlan × credit value, 4 decimal places. */
  planValueUsd: Usd;
  availableAfter: Credits;
  outcome: QuoteOutcome;
  reason?: BlockedReason;
}

export type HoldStatus = 'pending' | 'captured' | 'released' | 'expired';

export interface Hold {
  id: string;
  memberId: string;
  operation: OperationId;
  quantity: number;
  /** Plan credits reserved (the quote's fromPlan). */
  credits: Credits;
  /** Overage credits consented to at reserve time. */
  overageCredits: Credits;
  overageUsd: Usd;
  /** The plan's overage rate when the hold was made: a capture charges at it (docs/billing.md). */
  overageUsdPerCredit: Usd;
  status: HoldStatus;
  createdAt: Instant;
  expiresAt: Instant;
  resolvedAt: Instant | null;
}

/** The current term: term k = [anchor + k months, anchor + (k + 1) months). */
export interface Cycle {
  anchor: Instant;
  term: number;
}

/** One account's billing state: everything the rules need, nothing else. */
export interface AccountState {
  id: string;
  name: string;
  planId: PlanId;
  cycle: Cycle;
  credits: {
    available: Credits;
    held: Credits;
    /** Allotment + rollover of the current term. */
    granted: Credits;
    /** Plan credits debited in the current term. */
    used: Credits;
  };
  overage: OverageState;
  /** Pending holds only; resolved holds are reported in `Transition.holds` and kept by the store. */
  holds: Hold[];
  /** Grows by one with every transition that changes the account. */
  version: number;
  /** The low-balance alerts fired this term (balance-alerts.ts); absent until one fires. */
  alerts?: AlertMemory;
  /** The admin's alert thresholds, percent of granted; docs/billing.md's default when absent. */
  alertThresholds?: number[];
  /** This term's usage, tallied as it happens (usage-tally.ts); absent until the first use. */
  usage?: UsageTally;
}

/**
 * What the insight reads of a term's usage (usage and captures), kept small so that every
 * change can carry it: each operation's count this term and the credits used per UTC day.
 */
export interface UsageTally {
  /** The term it belongs to (`usageTermOf`: the cycle's anchor and term, not the plan). */
  term: string;
  /** Each operation's count (sum of quantities) this term. */
  counts: Record<OperationId, number>;
  /** Plan and overage credits used per UTC day, oldest first, the last 8 days at most. */
  days: DailyCredits[];
}

export interface DailyCredits {
  /** A UTC date, `YYYY-MM-DD`. */
  day: string;
  credits: Credits;
}

/** A low-balance alert: a whole percentage of the term's granted credits, or none left. */
export type AlertThreshold = number | 'exhausted';

/** Which alerts fired in which term: `term` names it, so a new term (or plan) re-arms them all. */
export interface AlertMemory {
  term: string;
  fired: FiredAlertMemory[];
  /**
   * What fired in the term before, kept until the next term: a stream that hears of this state
   * without the one before (changes coalesce) still hears of those alerts.
   */
  previous?: FiredAlertMemory[];
}

export interface FiredAlertMemory {
  threshold: AlertThreshold;
  at: Instant;
  /** The available credits the change left; absent in memories kept before it was. */
  available?: Credits;
  /** The account's version after the change that fired it, so a stream sends it once. */
  version?: number;
}

export type EntryKind =
  | 'grant'
  | 'rollover'
  | 'expiry'
  | 'usage'
  | 'hold'
  | 'capture'
  | 'release'
  | 'plan-change';

/** An immutable ledger entry, before the store gives it an id. */
export interface EntryDraft {
  at: Instant;
  kind: EntryKind;
  /** The member who acted; null for what the clock did (renewal, expiry). */
  memberId: string | null;
  operation?: OperationId;
  quantity?: number;
  holdId?: string;
  /** The plan a grant, an expiry, a plan change or a rollover is about (the plan changed to). */
  planId?: PlanId;
  /** The plan a plan change or a rollover left. */
  fromPlanId?: PlanId;
  /** Terms a grant or an expiry stands for when it is written once for several (dormant). */
  terms?: number;
  /** Signed change to available credits. */
  credits: Credits;
  overageCredits: Credits;
  /** Dollars charged by this entry (0 when none). */
  amountUsd: Usd;
  availableAfter: Credits;
  /** A line a person reads in the ledger ("400 credits rolled over to Starter"). */
  description: string;
}

export interface ChargeDraft {
  at: Instant;
  kind: 'subscription' | 'overage';
  amountUsd: Usd;
  description: string;
  /** Index into the same transition's `entries` of the entry that caused it. */
  entryIndex: number;
}

export type Command =
  | { kind: 'settle' }
  | {
      kind: 'usage';
      memberId: string;
      operation: OperationId;
      quantity: number;
      overage: OverageChoice;
    }
  | {
      kind: 'reserve';
      memberId: string;
      holdId: string;
      operation: OperationId;
      quantity: number;
      overage: OverageChoice;
      /** Time to live; docs/billing.md's default (10 minutes) when absent. */
      ttlSeconds?: number;
    }
  | { kind: 'capture'; memberId: string; holdId: string; quantity?: number }
  | { kind: 'release'; memberId: string; holdId: string }
  | { kind: 'change-plan'; memberId: string; role: Role; planId: PlanId }
  | {
      kind: 'set-overage-policy';
      memberId: string;
      role: Role;
      policy: OveragePolicy;
      capUsd: Usd | null;
    }
  | { kind: 'set-alert-thresholds'; memberId: string; role: Role; thresholds: number[] };

export interface PlanChangePreview {
  from: PlanId;
  to: PlanId;
  chargeUsd: Usd;
  rolledOverCredits: Credits;
  creditsAfter: Credits;
  /** The term after the change: [effectiveAt, next renewal). */
  cycleAfter: { start: Instant; end: Instant };
  effectiveAt: Instant;
}

export type Refusal =
  | { code: 'overage_required'; message: string; quote: Quote }
  | { code: 'overage_blocked'; message: string; quote: Quote }
  | { code: 'forbidden'; message: string }
  /** The hold is not pending in this state: the store tells not_found from hold_not_pending. */
  | { code: 'hold_not_pending'; message: string; holdId: string }
  | { code: 'capture_exceeds_hold'; message: string; reserved: number }
  /** `reason`: the BillingError code behind it, when a rule of lib/billing threw one. */
  | { code: 'invalid_request'; message: string; reason?: BillingErrorCode };

export type Effect =
  | { kind: 'settle' }
  | { kind: 'usage'; entryIndex: number; quote: Quote }
  | { kind: 'reserve'; hold: Hold; quote: Quote }
  | { kind: 'capture'; hold: Hold; entryIndex: number }
  | { kind: 'release'; hold: Hold }
  | { kind: 'change-plan'; preview: PlanChangePreview }
  | { kind: 'set-overage-policy' }
  | { kind: 'set-alert-thresholds' };

/** What one step of the account did: the new state and what the store must append. */
export interface Transition {
  state: AccountState;
  entries: EntryDraft[];
  charges: ChargeDraft[];
  /** Holds created or resolved (captured, released, expired) in this transition. */
  holds: Hold[];
}

/**
 * The result of `apply(state, command, now)`. A refusal still carries the renewals and hold
 * expiries that were due (they happened whatever the command), for the store to persist.
 */
export type Applied =
  | (Transition & { ok: true; effect: Effect })
  | (Transition & { ok: false; refusal: Refusal });
