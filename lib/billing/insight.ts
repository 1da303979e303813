import { termOf } from './balance-alerts.ts';
import {
  Decimal,
  maxDecimal,
  parseCreditChange,
  parseCredits,
  roundCents,
  sumDecimals,
  toCreditsString,
  toUsdString,
} from './decimal.ts';
import { addSeconds, instantMs } from './instant.ts';
import { planFigures } from './plan-figures.ts';
import type {
  AccountState,
  Catalog,
  Credits,
  Instant,
  OperationId,
  Plan,
  PlanId,
  UsageTally,
  Usd,
} from './types.ts';
import { paceWindow, utcDay } from './usage-tally.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Advice only when another plan saves at least this much this term. */
const ADVICE_MIN_SAVING = '1.00';
const PACE_PLACES = 3;

export interface InsightInput {
  now: Instant;
  term: { start: Instant; end: Instant };
  available: Credits;
  plan: Plan;
  /** Every plan of the catalogue, the current one included. */
  plans: readonly Plan[];
  /** This term's usage and captures, up to now; none when absent. */
  usage: UsageTally | undefined;
  /**
   * The credits used in the pace window's partial first day, `paceWindow(term.start, now).slice`
   * (from the ledger: the tally has whole days only); '0' when there is no slice.
   */
  sliceUsed: Credits;
}

export interface PlanAdvice {
  planId: PlanId;
  /** What the advised plan would cost this term at this pace. */
  projectedUsd: Usd;
  /** What the current plan costs this term at this pace, its overage included. */
  currentProjectedUsd: Usd;
  savesUsd: Usd;
}

export interface Insight {
  /** Credits a day over the last 7 × 24 h of the term (3 places, half-up); null before 24 h. */
  pacePerDay: Credits | null;
  /** When the credits run out at this pace; null when that is not before the term ends. */
  runsOutAt: Instant | null;
  /** The term's credits at this pace on the current plan; null before 24 h. */
  projectedCredits: Credits | null;
  advice: PlanAdvice | null;
}

const NONE: Insight = { pacePerDay: null, runsOutAt: null, projectedCredits: null, advice: null };

/** Term length / time elapsed: a count so far times it is the term's projected count. */
type Scale = Decimal;

/**
 * The credits this term's counts take on a plan's rates (exact: whole counts × rates), and
 * whether the plan prices every operation that ran. Projected to the whole term afterwards
 * with one multiplication by the term's scale, so the small exact sum is all that is repeated
 * per plan.
 */
function ratedCredits(plan: Plan, counts: Readonly<Record<OperationId, number>>) {
  const { rates } = planFigures(plan);
  let credits = new Decimal(0);
  let priced = true;
  for (const [operation, count] of Object.entries(counts)) {
    const rate = rates.get(operation);
    if (rate === undefined) priced = false;
    else credits = credits.plus(rate.times(count));
  }
  return { credits, priced };
}

function projected(credits: Decimal, scale: Scale): Decimal {
  return credits.times(scale);
}

/**
 * Credits a day, unrounded: the credits used in `[max(term start, now − 7 × 24 h), now)` (the
 * slice of its first day, then the tally's whole days up to today) over its length in days.
 */
function paceOf(input: InsightInput, nowMs: number): Decimal {
  const window = paceWindow(input.term.start, input.now);
  const first = window.slice ? utcDay(instantMs(window.slice.to)) : '';
  const today = utcDay(nowMs);
  const used = sumDecimals([
    parseCredits(input.sliceUsed),
    ...(input.usage?.days ?? [])
      .filter(({ day }) => day >= first && day <= today)
      .map(({ credits }) => parseCredits(credits)),
  ]);
  return used.times(DAY_MS).dividedBy(nowMs - window.startMs);
}

/**
 * A plan's projected cost this term: its price and the overage past its credits, rounded to
 * cents once. Null when the plan cannot run the projection (an operation it does not price,
 * or more credits than it has and no overage).
 */
function projectedCost(
  plan: Plan,
  counts: Readonly<Record<OperationId, number>>,
  scale: Scale,
): Decimal | null {
  const rated = ratedCredits(plan, counts);
  if (!rated.priced) return null;
  const figures = planFigures(plan);
  const past = maxDecimal(
    new Decimal(0),
    projected(rated.credits, scale).minus(figures.monthlyCredits),
  );
  if (!past.isZero() && !plan.allowsOverage) return null;
  return figures.priceUsd.plus(roundCents(past.times(figures.overageUsdPerCredit)));
}

function adviceOf(
  input: InsightInput,
  counts: Readonly<Record<OperationId, number>>,
  scale: Scale,
): PlanAdvice | null {
  const current = projectedCost(input.plan, counts, scale);
  if (current === null) return null;
  let best: { plan: Plan; cost: Decimal } | null = null;
  for (const plan of input.plans) {
    if (plan.id === input.plan.id) continue;
    const cost = projectedCost(plan, counts, scale);
    if (cost !== null && (best === null || cost.lessThan(best.cost))) best = { plan, cost };
  }
  if (!best || current.minus(best.cost).lessThan(ADVICE_MIN_SAVING)) return null;
  return {
    planId: best.plan.id,
    projectedUsd: toUsdString(best.cost),
    currentProjectedUsd: toUsdString(current),
    savesUsd: toUsdString(current.minus(best.cost)),
  };
}

/**
 * Pace, run-out and plan advice by BILLING.md's "Insight": from the term's own usage, exact,
 * and nothing before 24 hours of the term have passed.
 */
export function insightOf(input: InsightInput): Insight {
  const nowMs = instantMs(input.now);
  const startMs = instantMs(input.term.start);
  const elapsedMs = nowMs - startMs;
  if (elapsedMs < DAY_MS) return NONE;

  const pace = paceOf(input, nowMs);

  let runsOutAt: Instant | null = null;
  if (pace.greaterThan(0)) {
    const available = maxDecimal(new Decimal(0), parseCreditChange(input.available));
    const secondsLeft = available
      .dividedBy(pace)
      .times(DAY_MS / 1000)
      .toDecimalPlaces(0, Decimal.ROUND_DOWN);
    // Compared with the term exactly; only a run-out inside the term, a whole number of seconds
    // of at most a month, becomes an instant.
    const termSecondsLeft = new Decimal(instantMs(input.term.end) - nowMs).dividedBy(1000);
    if (secondsLeft.lessThan(termSecondsLeft)) {
      runsOutAt = addSeconds(input.now, Number(secondsLeft.toFixed(0)));
    }
  }

  const counts = input.usage?.counts ?? {};
  const scale = new Decimal(instantMs(input.term.end) - startMs).dividedBy(elapsedMs);
  // On the current plan, an operation it does not price takes no credits.
  const termCredits = projected(ratedCredits(input.plan, counts).credits, scale);
  return {
    pacePerDay: toCreditsString(pace.toDecimalPlaces(PACE_PLACES, Decimal.ROUND_HALF_UP)),
    runsOutAt,
    projectedCredits: toCreditsString(
      termCredits.toDecimalPlaces(PACE_PLACES, Decimal.ROUND_HALF_UP),
    ),
    advice: adviceOf(input, counts, scale),
  };
}

/**
 * The insight of an account as it stands at `now`, from its usage tally, what describeAccount
 * says of it (its term and plan) and the usage of the pace window's slice (InsightInput).
 */
export function accountInsight(
  state: AccountState,
  described: { cycle: { start: Instant; end: Instant }; plan: Plan },
  catalog: Catalog,
  now: Instant,
  sliceUsed: Credits,
): Insight {
  return insightOf({
    now,
    term: described.cycle,
    available: state.credits.available,
    plan: described.plan,
    plans: catalog.plans,
    // A tally of an earlier term (no use since the renewal) is no usage of this one.
    usage: state.usage?.term === termOf(state) ? state.usage : undefined,
    sliceUsed,
  });
}
