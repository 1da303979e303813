import type { UsageGroup } from '../api/schemas/team.ts';
import { Decimal, parseCredits, toCreditsString } from '../billing/decimal.ts';
import { BillingError } from '../billing/errors.ts';
import { instantMs, toInstant } from '../billing/instant.ts';
import type { Credits, Instant, OperationId } from '../billing/types.ts';

// The usage chart's geometry: one slot per UTC day of the term (the usage summary's days),
// each day's bar stacked by operation, and the allotment line. Credits are summed exactly from
// their decimal strings; only the positions drawn from them are numbers.

const DAY_MS = 86_400_000;
/** Room above the tallest bar or the allotment line, whichever is higher. */
const HEADROOM = 1.15;
/** The bar's share of its day's slot; the rest is the gap between bars. */
const BAR_SHARE = 0.7;
/** A day that used anything shows at least this much of each operation. */
const MIN_SEGMENT = 1;

export interface UsageChartData {
  /** The term, `[from, to)`, as the usage summary answered it. */
  from: Instant;
  to: Instant;
  /** `GET /v1/usage/summary?by=day,operation`: one group per day and operation used. */
  groups: readonly UsageGroup[];
  /** The term's granted credits (allotment and rollover). */
  granted: Credits;
  /** The server's time (the Snapshot's `asOf`): which day is today. */
  now: Instant;
  /** Stacking order, bottom first (the catalogue's); others follow by id. */
  order?: readonly OperationId[];
}

/** What one operation used, on a day or in the term: plan and overage credits together. */
export interface OperationUse {
  operation: OperationId;
  count: number;
  credits: Credits;
}

export interface BarSegment extends OperationUse {
  /** Top edge, from the top of the plot. */
  y: number;
  height: number;
}

export interface ChartDay {
  /** A UTC date, YYYY-MM-DD. */
  day: string;
  /** The day's slot, `[slotX, slotX + step)`: where a pointer picks it. */
  slotX: number;
  barX: number;
  barWidth: number;
  total: Credits;
  /** Operations used that day, bottom first; none on a day without usage. */
  segments: BarSegment[];
  today: boolean;
  /** After today: nothing can have been used yet. */
  future: boolean;
}

export interface ChartLayout {
  width: number;
  height: number;
  /** The width of one day's slot. */
  step: number;
  /** The term's length in days (28 to 31 for a month). */
  termDays: number;
  days: ChartDay[];
  /** The operations used this term, in stacking order, with their term totals. */
  operations: OperationUse[];
  total: Credits;
  /**
   * The granted credits spread evenly over the term: granted ÷ the term's length in days,
   * rounded half-up to one place (a guide to read the bars by, not an amount charged).
   */
  allowance: { perDay: Credits; y: number };
  /** The index of today in `days`, or null when today is outside the term. */
  todayIndex: number | null;
}

/** The UTC date of an instant, YYYY-MM-DD. */
export function utcDay(ms: number): string {
  return toInstant(ms).slice(0, 10);
}

/** Every UTC date the term `[from, to)` touches, in order. */
export function termDates(from: Instant, to: Instant): string[] {
  const start = instantMs(from, 'The term’s start');
  const end = instantMs(to, 'The term’s end');
  if (end <= start) {
    throw new BillingError(
      'invalid_request',
      `The term must end after it starts: ${from} → ${to}.`,
    );
  }
  const days: string[] = [];
  for (let day = Date.parse(utcDay(start)); day < end; day += DAY_MS) days.push(utcDay(day));
  return days;
}

function stackingOrder(used: Set<OperationId>, order: readonly OperationId[]): OperationId[] {
  const listed = order.filter((id) => used.has(id));
  const others = [...used].filter((id) => !order.includes(id)).sort();
  return [...listed, ...others];
}

/** Lays the term's usage out in a `width` × `height` plot. */
export function chartLayout(data: UsageChartData, width: number, height: number): ChartLayout {
  const days = termDates(data.from, data.to);
  const index = new Map(days.map((day, i) => [day, i]));
  const byDay = days.map(() => new Map<OperationId, { count: number; credits: Decimal }>());
  for (const group of data.groups) {
    if (group.day === undefined || group.operation === undefined) {
      throw new BillingError(
        'invalid_request',
        'The usage chart needs the summary grouped by day and operation.',
      );
    }
    const at = index.get(group.day);
    if (at === undefined) {
      throw new BillingError(
        'invalid_request',
        `Usage on ${group.day} is outside the term ${data.from} → ${data.to}.`,
      );
    }
    const used = parseCredits(group.credits).plus(parseCredits(group.overageCredits));
    const uses = byDay[at] as Map<OperationId, { count: number; credits: Decimal }>;
    const before = uses.get(group.operation);
    uses.set(group.operation, {
      count: (before?.count ?? 0) + group.count,
      credits: (before?.credits ?? new Decimal(0)).plus(used),
    });
  }

  const operations = stackingOrder(
    new Set(byDay.flatMap((uses) => [...uses.keys()])),
    data.order ?? [],
  );
  const totals = byDay.map((uses) =>
    [...uses.values()].reduce((sum, use) => sum.plus(use.credits), new Decimal(0)),
  );
  const termMs = instantMs(data.to) - instantMs(data.from);
  const perDay = parseCredits(data.granted, 'Granted credits').times(DAY_MS).dividedBy(termMs);
  const highest = totals.reduce((max, total) => (total.greaterThan(max) ? total : max), perDay);
  // Positions only from here on: numbers are exact enough for pixels.
  const scale = highest.isZero() ? 1 : highest.toNumber() * HEADROOM;
  const heightOf = (credits: Decimal) => (credits.toNumber() / scale) * height;

  const step = width / days.length;
  const barWidth = step * BAR_SHARE;
  const today = utcDay(instantMs(data.now, 'Now'));
  const chartDays = days.map((day, i): ChartDay => {
    const uses = byDay[i] as Map<OperationId, { count: number; credits: Decimal }>;
    let top = height;
    const segments: BarSegment[] = [];
    for (const operation of operations) {
      const use = uses.get(operation);
      if (!use) continue;
      const size = use.credits.isZero() ? 0 : Math.max(MIN_SEGMENT, heightOf(use.credits));
      top -= size;
      segments.push({
        operation,
        count: use.count,
        credits: toCreditsString(use.credits),
        y: top,
        height: size,
      });
    }
    return {
      day,
      slotX: i * step,
      barX: i * step + (step - barWidth) / 2,
      barWidth,
      total: toCreditsString(totals[i] as Decimal),
      segments,
      today: day === today,
      future: day > today,
    };
  });

  const termTotals = operations.map((operation): OperationUse => {
    let count = 0;
    let credits = new Decimal(0);
    for (const uses of byDay) {
      const use = uses.get(operation);
      if (!use) continue;
      count += use.count;
      credits = credits.plus(use.credits);
    }
    return { operation, count, credits: toCreditsString(credits) };
  });
  const todayIndex = index.get(today);
  return {
    width,
    height,
    step,
    termDays: termMs / DAY_MS,
    days: chartDays,
    operations: termTotals,
    total: toCreditsString(totals.reduce((sum, total) => sum.plus(total), new Decimal(0))),
    allowance: {
      perDay: toCreditsString(perDay.toDecimalPlaces(1, Decimal.ROUND_HALF_UP)),
      y: height - heightOf(perDay),
    },
    todayIndex: todayIndex ?? null,
  };
}
