import {
  formatCents,
  formatScaled,
  placesOf,
  roundDown,
  roundHalfUp,
  toScaled,
} from './fixed-point.ts';
import { addSeconds, instantMs } from './instant.ts';
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
import { paceWindow, tallyOfTerm, utcDay } from './usage-tally.ts';

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

const MILLI = 1000n;

/**
 * A plan's numbers as integers (fixed-point.ts), kept per plan object: credits in thousandths,
 * the overage per credit in units of its own last place (its places vary).
 */
interface PlanIntegers {
  rates: Map<OperationId, bigint>;
  monthlyCredits: bigint;
  overageUsdPerCredit: bigint;
  overagePlaces: number;
}

const integersOf = new WeakMap<Plan, PlanIntegers>();

function planIntegers(plan: Plan): PlanIntegers {
  let integers = integersOf.get(plan);
  if (!integers) {
    const overagePlaces = placesOf(plan.overageUsdPerCredit);
    integers = {
      rates: new Map(Object.entries(plan.rates).map(([id, rate]) => [id, toScaled(rate, 3)])),
      monthlyCredits: toScaled(plan.monthlyCredits, 3),
      overageUsdPerCredit: toScaled(plan.overageUsdPerCredit, overagePlaces),
      overagePlaces,
    };
    integersOf.set(plan, integers);
  }
  return integers;
}

/**
 * The thousandths of credits this term's counts take on a plan's rates (exact: whole counts ×
 * rates), and whether the plan prices every operation that ran.
 */
function ratedCredits(plan: Plan, counts: Readonly<Record<OperationId, number>>) {
  const { rates } = planIntegers(plan);
  let credits = 0n;
  let priced = true;
  for (const [operation, count] of Object.entries(counts)) {
    const rate = rates.get(operation);
    if (rate === undefined) priced = false;
    else credits += rate * BigInt(count);
  }
  return { credits, priced };
}

/** The term's length and the time elapsed (ms): a count so far × term / elapsed is the term's. */
interface Scale {
  term: bigint;
  elapsed: bigint;
}

/**
 * A plan's projected cost this term, in units of 10^-places dollars: its price and the overage
 * past its credits, rounded to cents once, from the exact fraction. Null when the plan cannot
 * run the projection (an operation it does not price, or more credits than it has and no
 * overage).
 */
function projectedCost(
  plan: Plan,
  counts: Readonly<Record<OperationId, number>>,
  scale: Scale,
  places: number,
): bigint | null {
  const rated = ratedCredits(plan, counts);
  if (!rated.priced) return null;
  const figures = planIntegers(plan);
  const price = toScaled(plan.priceUsd, places);
  // (projected − monthly) in thousandths, times the elapsed time: no division yet.
  const past = rated.credits * scale.term - figures.monthlyCredits * scale.elapsed;
  if (past <= 0n) return price;
  if (!plan.allowsOverage) return null;
  const cents = roundHalfUp(
    past * figures.overageUsdPerCredit * 100n,
    scale.elapsed * MILLI * 10n ** BigInt(figures.overagePlaces),
  );
  return price + cents * 10n ** BigInt(places - 2);
}

/** Dollars in units of 10^-places, shown to the cent (half-up). */
function usdText(units: bigint, places: number): Usd {
  return formatCents(roundHalfUp(units, 10n ** BigInt(places - 2)));
}

function adviceOf(
  input: InsightInput,
  counts: Readonly<Record<OperationId, number>>,
  scale: Scale,
): PlanAdvice | null {
  // Enough places for every plan's price exactly (cents at least).
  const places = Math.max(2, ...input.plans.map(({ priceUsd }) => placesOf(priceUsd)));
  const current = projectedCost(input.plan, counts, scale, places);
  if (current === null) return null;
  let best: { plan: Plan; cost: bigint } | null = null;
  for (const plan of input.plans) {
    if (plan.id === input.plan.id) continue;
    const cost = projectedCost(plan, counts, scale, places);
    if (cost !== null && (best === null || cost < best.cost)) best = { plan, cost };
  }
  const minimum = toScaled(ADVICE_MIN_SAVING, places);
  if (!best || current - best.cost < minimum) return null;
  return {
    planId: best.plan.id,
    projectedUsd: usdText(best.cost, places),
    currentProjectedUsd: usdText(current, places),
    savesUsd: usdText(current - best.cost, places),
  };
}

/**
 * The thousandths of credits used in the pace's window, `[max(term start, now − 7 × 24 h),
 * now)` (the slice of its first day, then the tally's whole days up to today), and its length
 * in ms.
 */
function paceUsage(input: InsightInput, nowMs: number): { used: bigint; windowMs: bigint } {
  const window = paceWindow(input.term.start, input.now);
  const first = window.slice ? utcDay(instantMs(window.slice.to)) : '';
  const today = utcDay(nowMs);
  let used = toScaled(input.sliceUsed, 3);
  for (const { day, credits } of input.usage?.days ?? []) {
    if (day >= first && day <= today) used += toScaled(credits, 3);
  }
  return { used, windowMs: BigInt(nowMs - window.startMs) };
}

/**
 * Pace, run-out and plan advice by docs/billing.md's "Insight": from the term's own usage, exact
 * (integers throughout, each figure rounded once from its exact fraction), and nothing before
 * 24 hours of the term have passed.
 */
export function insightOf(input: InsightInput): Insight {
  const nowMs = instantMs(input.now);
  const startMs = instantMs(input.term.start);
  const endMs = instantMs(input.term.end);
  const elapsedMs = nowMs - startMs;
  if (elapsedMs < DAY_MS) return NONE;

  // Credits a day = used × a day / the window's length, in thousandths.
  const { used, windowMs } = paceUsage(input, nowMs);
  const pace = roundHalfUp(used * BigInt(DAY_MS), windowMs);

  let runsOutAt: Instant | null = null;
  if (used > 0n) {
    const available = toScaled(input.available, 3);
    // available / (used / window) is the time left, from the unrounded pace; whole seconds,
    // rounded down, shown only before the term ends.
    const secondsLeft = roundDown((available > 0n ? available : 0n) * windowMs, used * MILLI);
    if (secondsLeft * MILLI < BigInt(endMs - nowMs)) {
      runsOutAt = addSeconds(input.now, Number(secondsLeft));
    }
  }

  const counts = input.usage?.counts ?? {};
  const scale: Scale = { term: BigInt(endMs - startMs), elapsed: BigInt(elapsedMs) };
  // On the current plan, an operation it does not price takes no credits.
  const termCredits = roundHalfUp(
    ratedCredits(input.plan, counts).credits * scale.term,
    scale.elapsed,
  );
  return {
    pacePerDay: formatScaled(pace, PACE_PLACES),
    runsOutAt,
    projectedCredits: formatScaled(termCredits, PACE_PLACES),
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
    usage: tallyOfTerm(state.usage, state),
    sliceUsed,
  });
}
