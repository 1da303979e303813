// The usage summary's answer as a shape-check.ts shape, for the embed's usage chart, which loads
// it in a chunk of its own. It mirrors UsageSummarySchema (schemas/team.ts);
// tests/api/response-shapes.test.ts derives and compares them.
import type { UsageSummary } from './schemas/team.ts';
import { checkShape, type Shape } from './shape-check.ts';

// A day's text is read as text: the chart refuses a day outside the term by name
// (chart-layout.ts), and a malformed day is never inside it.
export const USAGE_SUMMARY_SHAPE = {
  from: 'instant',
  to: 'instant',
  groups: [
    'array',
    {
      day: ['optional', 'string'],
      operation: ['optional', 'id'],
      memberId: ['optional', 'id'],
      count: 'count',
      credits: 'credits',
      overageCredits: 'credits',
      amountUsd: 'usd',
    },
  ],
} as const satisfies Shape;

export const usageSummaryCheck = checkShape<UsageSummary>(USAGE_SUMMARY_SHAPE);
