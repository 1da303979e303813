import { describe, expect, test } from 'vitest';
import { centredWithin } from '../../components/label-place.ts';

describe('centredWithin', () => {
  test('a label with room on both sides is centred on its point', () => {
    expect(centredWithin(100, 40, 328)).toBe(100);
  });

  test('a label near an edge moves in until it touches that edge', () => {
    // "Aujourd’hui" (62 units) under the term's first day, and under its last.
    expect(centredWithin(5, 62, 328)).toBe(31);
    expect(centredWithin(323, 62, 328)).toBe(297);
  });

  test('a label wider than the span is centred on the span', () => {
    expect(centredWithin(5, 400, 328)).toBe(164);
    expect(centredWithin(320, 400, 328)).toBe(164);
  });
});
