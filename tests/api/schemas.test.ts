import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
  CaptureRequestSchema,
  ChargesPageSchema,
  CreditsSchema,
  DevClockRequestSchema,
  ErrorBodySchema,
  errorStatus,
  HoldRequestSchema,
  HoldSchema,
  IdempotencyKeySchema,
  LedgerPageSchema,
  OveragePolicyRequestSchema,
  PageQuerySchema,
  PlanChangePreviewSchema,
  QuoteRequestSchema,
  QuoteSchema,
  ReleaseRequestSchema,
  SnapshotSchema,
  UsageRequestSchema,
} from '../../lib/api/index.ts';
import { errorBody, overageQuote, pendingHold, snapshot, usageEntry } from './fixtures.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

describe('responses of docs/api.md', () => {
  test('a Snapshot in the numbers of docs/billing.md passes', () => {
    expect(SnapshotSchema.parse(snapshot())).toEqual(snapshot());
  });

  test('credits sent as JSON numbers are refused', () => {
    const bad = snapshot();
    (bad.credits as Record<string, unknown>).available = 4568.7;
    expect(SnapshotSchema.safeParse(bad).success).toBe(false);
  });

  test('credits with 4 decimal places are refused (milli-credits at most)', () => {
    expect(CreditsSchema.safeParse('1.3').success).toBe(true);
    expect(CreditsSchema.safeParse('0.001').success).toBe(true);
    expect(CreditsSchema.safeParse('0.0001').success).toBe(false);
    expect(CreditsSchema.safeParse('1e3').success).toBe(false);
    expect(CreditsSchema.safeParse('-1').success).toBe(false);
  });

  test('fields a newer server adds to a response are dropped, not fatal', () => {
    const parsed = SnapshotSchema.parse({ ...snapshot(), later: true });
    expect(parsed).not.toHaveProperty('later');
  });

  test('instants must be ISO-8601 UTC', () => {
    expect(SnapshotSchema.safeParse({ ...snapshot(), asOf: 'May 8, 2026' }).success).toBe(false);
  });

  test('an overage quote, a usage entry (signed credits), a hold and a preview pass', () => {
    expect(QuoteSchema.parse(overageQuote)).toEqual(overageQuote);
    expect(
      QuoteSchema.parse({ ...overageQuote, outcome: 'blocked', reason: 'overage-cap-reached' }),
    ).toMatchObject({ reason: 'overage-cap-reached' });
    expect(LedgerPageSchema.parse({ entries: [usageEntry], next: null }).entries[0]).toEqual(
      usageEntry,
    );
    expect(HoldSchema.parse(pendingHold)).toEqual(pendingHold);
    const preview = {
      from: 'growth',
      to: 'starter',
      chargeUsd: '100',
      rolledOverCredits: '400',
      creditsAfter: '2100',
      cycleAfter: { start: '2026-05-08T00:00:00.000Z', end: '2026-06-08T00:00:00.000Z' },
      effectiveAt: '2026-05-08T00:00:00.000Z',
    };
    expect(PlanChangePreviewSchema.parse(preview)).toEqual(preview);
  });

  test('a renewal entry has no member', () => {
    const grant = { ...usageEntry, kind: 'grant', memberId: null, credits: '4570' };
    delete (grant as Partial<typeof grant>).operation;
    delete (grant as Partial<typeof grant>).quantity;
    expect(LedgerPageSchema.safeParse({ entries: [grant], next: 'ent_1' }).success).toBe(true);
  });

  test('a charge page passes; an unknown charge kind does not', () => {
    const charge = {
      id: 'chg_1',
      at: '2026-05-08T10:00:00.000Z',
      kind: 'overage',
      amountUsd: '0.41',
      description: 'Overage: 4.1 credits',
      entryId: 'ent_12',
    };
    expect(ChargesPageSchema.parse({ charges: [charge], next: null }).charges).toEqual([charge]);
    expect(
      ChargesPageSchema.safeParse({ charges: [{ ...charge, kind: 'refund' }], next: null }).success,
    ).toBe(false);
  });
});

describe('requests of docs/api.md', () => {
  test('usage: overage defaults to "deny"', () => {
    expect(UsageRequestSchema.parse({ operation: 'smart-crop', quantity: 3 })).toEqual({
      operation: 'smart-crop',
      quantity: 3,
      overage: 'deny',
    });
  });

  test.each([0, 10_001, 1.5, -1, '3'])('quantity %s is refused', (quantity) => {
    expect(UsageRequestSchema.safeParse({ operation: 'smart-crop', quantity }).success).toBe(false);
    expect(QuoteRequestSchema.safeParse({ operation: 'smart-crop', quantity }).success).toBe(false);
  });

  test('quantity 1 and 10,000 are accepted', () => {
    for (const quantity of [1, 10_000]) {
      expect(QuoteRequestSchema.safeParse({ operation: 'smart-crop', quantity }).success).toBe(
        true,
      );
    }
  });

  test('unknown fields are rejected, not ignored', () => {
    const withExtra = { operation: 'smart-crop', quantity: 1, overage: 'accept', price: '0' };
    expect(UsageRequestSchema.safeParse(withExtra).success).toBe(false);
    expect(HoldRequestSchema.safeParse({ ...withExtra, ttlSeconds: 60 }).success).toBe(false);
    expect(ReleaseRequestSchema.safeParse({ force: true }).success).toBe(false);
    expect(CaptureRequestSchema.safeParse({ quantity: 1, all: true }).success).toBe(false);
  });

  test('an overage choice other than deny/accept is refused', () => {
    expect(
      UsageRequestSchema.safeParse({ operation: 'smart-crop', quantity: 1, overage: 'yes' })
        .success,
    ).toBe(false);
  });

  test('overage policy: the cap is a decimal string or null, never a number', () => {
    expect(OveragePolicyRequestSchema.safeParse({ policy: 'auto', capUsd: '50' }).success).toBe(
      true,
    );
    expect(OveragePolicyRequestSchema.safeParse({ policy: 'auto', capUsd: null }).success).toBe(
      true,
    );
    expect(OveragePolicyRequestSchema.safeParse({ policy: 'auto', capUsd: 50 }).success).toBe(
      false,
    );
    expect(OveragePolicyRequestSchema.safeParse({ policy: 'always', capUsd: null }).success).toBe(
      false,
    );
  });

  test('Idempotency-Key is 1 to 255 characters', () => {
    expect(IdempotencyKeySchema.safeParse('').success).toBe(false);
    expect(IdempotencyKeySchema.safeParse('k'.repeat(255)).success).toBe(true);
    expect(IdempotencyKeySchema.safeParse('k'.repeat(256)).success).toBe(false);
  });

  test('the dev clock takes { now } or { advance }, not both', () => {
    expect(DevClockRequestSchema.safeParse({ advance: 'P1M' }).success).toBe(true);
    expect(DevClockRequestSchema.safeParse({ advance: 'PT2H' }).success).toBe(true);
    expect(DevClockRequestSchema.safeParse({ now: '2026-05-08T00:00:00.000Z' }).success).toBe(true);
    expect(DevClockRequestSchema.safeParse({ advance: 'one month' }).success).toBe(false);
    expect(
      DevClockRequestSchema.safeParse({ now: '2026-05-08T00:00:00.000Z', advance: 'P1M' }).success,
    ).toBe(false);
  });

  test('page queries arrive as strings and are bounded', () => {
    expect(PageQuerySchema.parse({ limit: '20', before: 'ent_9' })).toEqual({
      limit: 20,
      before: 'ent_9',
    });
    expect(PageQuerySchema.parse({})).toEqual({ limit: 50 });
    expect(PageQuerySchema.safeParse({ limit: '0' }).success).toBe(false);
    expect(PageQuerySchema.safeParse({ limit: 'ten' }).success).toBe(false);
  });
});

describe('errors of docs/api.md', () => {
  test('the error table of docs/api.md is the one the code answers with', () => {
    const docs = readFileSync(join(root, 'docs/api.md'), 'utf8');
    const documented = Object.fromEntries(
      [...docs.matchAll(/^\| (\d{3}) +\| `([a-z_]+)` /gm)].map(([, status, code]) => [
        code,
        Number(status),
      ]),
    );
    expect(documented).toEqual(errorStatus);
  });

  test('an error body carries code, message and details', () => {
    const body = errorBody('overage_required', 'Needs overage', { quote: overageQuote });
    expect(ErrorBodySchema.parse(body).error.details?.quote).toEqual(overageQuote);
    expect(ErrorBodySchema.safeParse(errorBody('teapot', 'no')).success).toBe(false);
  });
});
