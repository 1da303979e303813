import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addMonths, renewalsBetween, termBounds, termIndexAt } from '../../lib/billing/cycle.ts';

describe('terms from the anchor', () => {
  test('started Oct 2 → new credits on Nov 2', () => {
    expect(addMonths('2026-10-02T00:00:00.000Z', 1)).toBe('2026-11-02T00:00:00.000Z');
    expect(termBounds({ anchor: '2026-10-02T00:00:00.000Z', term: 0 })).toEqual({
      start: '2026-10-02T00:00:00.000Z',
      end: '2026-11-02T00:00:00.000Z',
    });
  });

  test('anchor Jan 31 → Feb 28 → Mar 31 → Apr 30: clamped, and always counted from the anchor', () => {
    const anchor = '2027-01-31T00:00:00.000Z';
    expect([1, 2, 3].map((k) => addMonths(anchor, k))).toEqual([
      '2027-02-28T00:00:00.000Z',
      '2027-03-31T00:00:00.000Z',
      '2027-04-30T00:00:00.000Z',
    ]);
  });

  test('in a leap year the Jan 31 anchor renews on Feb 29 (2028)', () => {
    expect(addMonths('2028-01-31T00:00:00.000Z', 1)).toBe('2028-02-29T00:00:00.000Z');
    expect(addMonths('2028-02-29T12:00:00.000Z', 12)).toBe('2029-02-28T12:00:00.000Z');
    expect(addMonths('2028-02-29T12:00:00.000Z', 48)).toBe('2032-02-29T12:00:00.000Z');
  });

  test('an anchor at 23:30 UTC keeps its time of day, even across a month end', () => {
    expect(addMonths('2026-01-31T23:30:00.000Z', 1)).toBe('2026-02-28T23:30:00.000Z');
    expect(addMonths('2026-12-15T23:30:00.000Z', 1)).toBe('2027-01-15T23:30:00.000Z');
  });

  test('the term containing an instant is half-open [start, end)', () => {
    const anchor = '2026-01-31T23:30:00.000Z';
    expect(termIndexAt(anchor, '2026-02-28T23:29:59.999Z')).toBe(0);
    expect(termIndexAt(anchor, '2026-02-28T23:30:00.000Z')).toBe(1);
    expect(termIndexAt(anchor, '2026-01-31T23:30:00.000Z')).toBe(0);
    expect(termIndexAt(anchor, '2027-01-31T23:30:00.000Z')).toBe(12);
  });

  test('a request three months late yields three renewals, in order', () => {
    expect(
      renewalsBetween({ anchor: '2026-01-31T23:30:00.000Z', term: 0 }, '2026-05-01T00:00:00.000Z'),
    ).toEqual(['2026-02-28T23:30:00.000Z', '2026-03-31T23:30:00.000Z', '2026-04-30T23:30:00.000Z']);
  });

  test('no renewal is due before the term ends; exactly at its end one is', () => {
    const cycle = { anchor: '2026-10-02T00:00:00.000Z', term: 0 };
    expect(renewalsBetween(cycle, '2026-11-01T23:59:59.999Z')).toEqual([]);
    expect(renewalsBetween(cycle, '2026-11-02T00:00:00.000Z')).toEqual([
      '2026-11-02T00:00:00.000Z',
    ]);
    expect(renewalsBetween({ ...cycle, term: 1 }, '2026-12-02T00:00:00.000Z')).toEqual([
      '2026-12-02T00:00:00.000Z',
    ]);
  });

  test('a malformed instant is refused', () => {
    expect(() => addMonths('2026-13-01', 1)).toThrowError(
      expect.objectContaining({ code: 'invalid_instant' }),
    );
  });
});

describe('property: terms tile time', () => {
  const start = Date.UTC(2020, 0, 1);
  const tenYears = Date.UTC(2030, 0, 1) - start;
  const anchors = fc
    .integer({ min: 0, max: tenYears })
    .map((offset) => new Date(start + offset).toISOString());

  test('for random anchors over 10 years: no gap, no overlap, each within a month', () => {
    fc.assert(
      fc.property(anchors, fc.integer({ min: 0, max: 120 }), (anchor, term) => {
        const { start: from, end } = termBounds({ anchor, term });
        const next = termBounds({ anchor, term: term + 1 });
        expect(next.start).toBe(end);
        const days = (Date.parse(end) - Date.parse(from)) / 86_400_000;
        expect(days).toBeGreaterThanOrEqual(28);
        expect(days).toBeLessThanOrEqual(31);
        expect(termIndexAt(anchor, from)).toBe(term);
        expect(termIndexAt(anchor, new Date(Date.parse(end) - 1).toISOString())).toBe(term);
        expect(from.slice(11)).toBe(anchor.slice(11));
      }),
      { numRuns: 200 },
    );
  });

  test('every instant after the anchor lies in exactly the term termIndexAt names', () => {
    fc.assert(
      fc.property(anchors, fc.integer({ min: 0, max: tenYears }), (anchor, offset) => {
        const instant = new Date(Date.parse(anchor) + offset).toISOString();
        const term = termIndexAt(anchor, instant);
        const { start: from, end } = termBounds({ anchor, term });
        expect(
          Date.parse(from) <= Date.parse(instant) && Date.parse(instant) < Date.parse(end),
        ).toBe(true);
        expect(renewalsBetween({ anchor, term: 0 }, instant)).toHaveLength(term);
      }),
      { numRuns: 150 },
    );
  });
});
