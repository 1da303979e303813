// The usage chart's layout: the term's days, stacked bars whose totals are exact decimals, the
// allotment line and today.
import { expect, test } from 'vitest';
import type { UsageGroup } from '../../lib/api/schemas/team.ts';
import { type ChartLayout, chartLayout, termDates } from '../../lib/insight/chart-layout.ts';
import { dayText } from '../../lib/insight/usage-text.ts';
import { english } from '../support/english.ts';

const operations = [
  { id: 'smart-crop', name: 'Smart Crop' },
  { id: 'background-removal', name: 'Background Removal' },
  { id: 'lifestyle-crop', name: 'Lifestyle Crop' },
];
const order = operations.map((operation) => operation.id);

function group(
  day: string,
  operation: string,
  count: number,
  credits: string,
  overage = '0',
): UsageGroup {
  return { day, operation, count, credits, overageCredits: overage, amountUsd: '0.00' };
}

// December 2026: 31 days from midnight, Growth's 4,570 credits.
const december = {
  from: '2026-12-01T00:00:00.000Z',
  to: '2027-01-01T00:00:00.000Z',
  granted: '4570',
  now: '2026-12-04T15:30:00.000Z',
  order,
};

function dayOf(layout: ChartLayout, day: string) {
  const found = layout.days.find((d) => d.day === day);
  if (!found) throw new Error(`no ${day} in the layout`);
  return found;
}

test('a term from midnight to midnight has one slot per day, in order', () => {
  const layout = chartLayout({ ...december, groups: [] }, 310, 100);
  expect(layout.days).toHaveLength(31);
  expect(layout.termDays).toBe(31);
  expect(layout.days[0]?.day).toBe('2026-12-01');
  expect(layout.days[30]?.day).toBe('2026-12-31');
  expect(layout.step).toBe(10);
  expect(layout.days[3]?.slotX).toBe(30);
});

test('a term that starts mid-day touches one more UTC date than it has days', () => {
  expect(termDates('2026-02-10T09:00:00.000Z', '2026-03-10T09:00:00.000Z')).toHaveLength(29);
  expect(termDates('2026-02-10T09:00:00.000Z', '2026-03-10T09:00:00.000Z').at(-1)).toBe(
    '2026-03-10',
  );
  expect(() => termDates('2026-03-10T09:00:00.000Z', '2026-02-10T09:00:00.000Z')).toThrow(
    /must end after it starts/,
  );
});

test('a day’s operations stack bottom up in the catalogue’s order, touching, and sum exactly', () => {
  const layout = chartLayout(
    {
      ...december,
      // Out of order on purpose: the summary sorts by key, the chart by the catalogue.
      groups: [
        group('2026-12-03', 'background-removal', 12, '33.6'),
        group('2026-12-03', 'smart-crop', 40, '52'),
        group('2026-12-03', 'lifestyle-crop', 1, '0.1', '0.001'),
      ],
    },
    310,
    100,
  );
  const day = dayOf(layout, '2026-12-03');
  expect(day.segments.map((s) => s.operation)).toEqual(order);
  // 52 + 33.6 + 0.101 in exact decimals (floats give 85.70100000000001).
  expect(day.total).toBe('85.701');
  expect(day.segments[2]?.credits).toBe('0.101');
  const [bottom, middle, top] = day.segments;
  expect((bottom?.y ?? 0) + (bottom?.height ?? 0)).toBe(100);
  expect(middle?.y).toBeCloseTo((bottom?.y ?? 0) - (middle?.height ?? 0), 9);
  expect(top?.y).toBeCloseTo((middle?.y ?? 0) - (top?.height ?? 0), 9);
  expect(bottom?.height).toBeGreaterThan(middle?.height ?? 0);
  // Tiny but used: still visible.
  expect(top?.height).toBe(1);
});

test('plan and overage credits count together; term totals per operation are exact', () => {
  const layout = chartLayout(
    {
      ...december,
      groups: [
        group('2026-12-01', 'smart-crop', 1, '0.1'),
        group('2026-12-02', 'smart-crop', 1, '0.2'),
        group('2026-12-04', 'smart-crop', 3, '3.8', '0.1'),
        group('2026-12-04', 'lifestyle-crop', 2, '8.2'),
      ],
    },
    310,
    100,
  );
  expect(layout.operations).toEqual([
    { operation: 'smart-crop', count: 5, credits: '4.2' },
    { operation: 'lifestyle-crop', count: 2, credits: '8.2' },
  ]);
  expect(layout.total).toBe('12.4');
  expect(dayOf(layout, '2026-12-04').total).toBe('12.1');
});

test('days without usage are zero, with no bar', () => {
  const layout = chartLayout(
    { ...december, groups: [group('2026-12-01', 'smart-crop', 2, '2.6')] },
    310,
    100,
  );
  const empty = dayOf(layout, '2026-12-02');
  expect(empty.total).toBe('0');
  expect(empty.segments).toEqual([]);
  expect(dayText(empty, operations, english)).toBe('Dec 2: 0 credits');
});

test('today is the server’s day; the days after it are the future', () => {
  const layout = chartLayout({ ...december, groups: [] }, 310, 100);
  expect(layout.todayIndex).toBe(3);
  expect(layout.days.filter((d) => d.today).map((d) => d.day)).toEqual(['2026-12-04']);
  expect(layout.days.filter((d) => !d.future)).toHaveLength(4);
  expect(dayText(dayOf(layout, '2026-12-04'), operations, english)).toBe('Dec 4, today: 0 credits');

  const after = chartLayout({ ...december, groups: [], now: '2027-01-01T00:00:00.000Z' }, 310, 100);
  expect(after.todayIndex).toBeNull();
  expect(after.days.every((d) => !d.future)).toBe(true);
});

test('the allotment line: granted ÷ the term’s days, the bars scaled so both fit', () => {
  // 4,570 ÷ 31 = 147.419… a day; the tallest day is lower, so the line sets the scale.
  const low = chartLayout(
    { ...december, groups: [group('2026-12-01', 'lifestyle-crop', 10, '41')] },
    310,
    100,
  );
  expect(low.allowance.perDay).toBe('147.4');
  expect(low.allowance.y).toBeGreaterThan(0);
  expect(low.allowance.y).toBeLessThan(100);
  // A day above the allowance stands higher than the line.
  const high = chartLayout(
    { ...december, groups: [group('2026-12-01', 'lifestyle-crop', 100, '410')] },
    310,
    100,
  );
  const bar = dayOf(high, '2026-12-01').segments[0];
  expect(bar?.y).toBeLessThan(high.allowance.y);
  expect(bar?.y).toBeGreaterThan(0);
  // A 28-day term spreads the same credits over fewer days.
  const february = chartLayout(
    {
      from: '2026-02-01T00:00:00.000Z',
      to: '2026-03-01T00:00:00.000Z',
      granted: '4570',
      now: '2026-02-02T00:00:00.000Z',
      groups: [],
    },
    280,
    100,
  );
  expect(february.termDays).toBe(28);
  expect(february.allowance.perDay).toBe('163.2');
});

test('nothing granted and nothing used still lays out, flat', () => {
  const layout = chartLayout({ ...december, granted: '0', groups: [] }, 310, 100);
  expect(layout.allowance.y).toBe(100);
  expect(layout.total).toBe('0');
});

test('the accessible name of a day lists each operation’s count and credits', () => {
  const layout = chartLayout(
    {
      ...december,
      groups: [
        group('2026-12-03', 'smart-crop', 40, '52'),
        group('2026-12-03', 'background-removal', 1, '2.8'),
      ],
    },
    310,
    100,
  );
  expect(dayText(dayOf(layout, '2026-12-03'), operations, english)).toBe(
    'Dec 3: 54.8 credits (40 Smart Crops, 52 credits; 1 Background Removal, 2.8 credits)',
  );
});

test('usage outside the term, or not grouped by day and operation, is refused', () => {
  expect(() =>
    chartLayout({ ...december, groups: [group('2026-11-30', 'smart-crop', 1, '1.3')] }, 310, 100),
  ).toThrow(/outside the term/);
  const byDay = { day: '2026-12-01', count: 1, credits: '1.3', overageCredits: '0' };
  expect(() =>
    chartLayout({ ...december, groups: [{ ...byDay, amountUsd: '0.00' }] }, 310, 100),
  ).toThrow(/grouped by day and operation/);
  expect(() =>
    chartLayout({ ...december, groups: [group('2026-12-01', 'smart-crop', 1, '1.3x')] }, 310, 100),
  ).toThrow(/decimal number/);
});
