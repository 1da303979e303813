// The embed checks answers with response-shapes.ts instead of zod. These tests derive each
// shape from its zod schema, so the two cannot drift, and check that both accept and refuse
// the same answers, returning the same data.
import { describe, expect, test } from 'vitest';
import {
  ALERT_EVENT_SHAPE,
  CATALOG_SHAPE,
  ERROR_BODY_SHAPE,
  LEDGER_PAGE_SHAPE,
  ledgerPageCheck,
  PLAN_CHANGE_PREVIEW_SHAPE,
  PLAN_CHANGE_RESULT_SHAPE,
  QUOTE_SHAPE,
  quoteCheck,
  SNAPSHOT_SHAPE,
  snapshotCheck,
} from '../../lib/api/response-shapes.ts';
import {
  AlertEventSchema,
  AlertThresholdSchema,
  CatalogSchema,
  CreditsSchema,
  ErrorBodySchema,
  ErrorCodeSchema,
  IdSchema,
  InstantSchema,
  LedgerPageSchema,
  PercentSchema,
  PlanChangePreviewSchema,
  PlanChangeResultSchema,
  QuantitySchema,
  QuoteSchema,
  SignedCreditsSchema,
  SignedUsdSchema,
  SnapshotSchema,
  TeamMembersSchema,
  TermsSchema,
  UpgradeRequestResultSchema,
  UpgradeRequestsSchema,
  UsageSummarySchema,
  UsdSchema,
} from '../../lib/api/schemas/index.ts';
import type { Shape } from '../../lib/api/shape-check.ts';
import {
  TEAM_MEMBERS_SHAPE,
  UPGRADE_REQUEST_RESULT_SHAPE,
  UPGRADE_REQUESTS_SHAPE,
} from '../../lib/api/team-shapes.ts';
import { USAGE_SUMMARY_SHAPE } from '../../lib/api/usage-summary-shape.ts';
import { overageQuote, snapshot, usageEntry } from './fixtures.ts';

type ZodLike = { _zod: { def: object } };
interface ZodDef {
  type: string;
  shape?: Record<string, ZodLike>;
  element?: ZodLike;
  innerType?: ZodLike;
  valueType?: ZodLike;
  entries?: Record<string, string>;
  format?: string;
  checks?: { _zod: { def: { check: string; value: number } } }[];
}

const LEAF_SCHEMAS = new Map<unknown, Shape>([
  [CreditsSchema, 'credits'],
  [SignedCreditsSchema, 'signed-credits'],
  [UsdSchema, 'usd'],
  [SignedUsdSchema, 'signed-usd'],
  [InstantSchema, 'instant'],
  [QuantitySchema, 'quantity'],
  [TermsSchema, 'terms'],
  [IdSchema, 'id'],
  [PercentSchema, 'percent'],
  [AlertThresholdSchema, 'alert-threshold'],
  // The shape reads the code as text; request.ts then looks it up in docs/api.md's table.
  [ErrorCodeSchema, 'string'],
]);

/** The shape a zod schema describes, in shape-check.ts's terms. */
function shapeOf(schema: ZodLike): Shape {
  const leaf = LEAF_SCHEMAS.get(schema);
  if (leaf) return leaf;
  const def = schema._zod.def as ZodDef;
  switch (def.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(def.shape ?? {}).map(([field, value]) => [field, shapeOf(value)]),
      );
    case 'array':
      return ['array', shapeOf(def.element as ZodLike)];
    case 'record':
      return ['record', shapeOf(def.valueType as ZodLike)];
    case 'nullable':
    case 'optional':
      return [def.type, shapeOf(def.innerType as ZodLike)];
    case 'enum':
      return ['enum', ...Object.values(def.entries ?? {})];
    case 'string':
    case 'boolean':
    case 'unknown':
      return def.type;
    case 'number': {
      const minimum = def.checks?.map((check) => check._zod.def);
      if (def.format === 'safeint' && minimum?.length === 1 && minimum[0]?.value === 0) {
        return 'count';
      }
      throw new Error(`no shape for the number schema ${JSON.stringify(minimum)}`);
    }
    default:
      throw new Error(`no shape for a zod ${def.type}`);
  }
}

const pairs: [string, ZodLike, Shape][] = [
  ['Snapshot', SnapshotSchema, SNAPSHOT_SHAPE],
  ['AlertEvent', AlertEventSchema, ALERT_EVENT_SHAPE],
  ['Catalog', CatalogSchema, CATALOG_SHAPE],
  ['PlanChangePreview', PlanChangePreviewSchema, PLAN_CHANGE_PREVIEW_SHAPE],
  ['PlanChangeResult', PlanChangeResultSchema, PLAN_CHANGE_RESULT_SHAPE],
  ['LedgerPage', LedgerPageSchema, LEDGER_PAGE_SHAPE],
  ['Quote', QuoteSchema, QUOTE_SHAPE],
  ['ErrorBody', ErrorBodySchema, ERROR_BODY_SHAPE],
  ['TeamMembers', TeamMembersSchema, TEAM_MEMBERS_SHAPE],
  ['UpgradeRequests', UpgradeRequestsSchema, UPGRADE_REQUESTS_SHAPE],
  ['UpgradeRequestResult', UpgradeRequestResultSchema, UPGRADE_REQUEST_RESULT_SHAPE],
  ['UsageSummary', UsageSummarySchema, USAGE_SUMMARY_SHAPE],
];

describe('the shapes the embed checks answers with', () => {
  test.each(pairs)('%s is the zod schema’s shape, field for field', (_, schema, shape) => {
    expect(shape).toEqual(shapeOf(schema));
  });
});

/** Every way of breaking one field of a valid answer that a server could send. */
const BREAKAGE: unknown[] = [
  undefined,
  null,
  42,
  4568.7,
  '',
  '1e3',
  '0.0001',
  '-1',
  'May 8, 2026',
  '2026-13-40T99:00:00Z',
  '2026-02-30T10:00:00.000Z',
  '2026-11-20T24:00:00.000Z',
  '2026-11-20T10:61:00.000Z',
  '2026-11-20T10:00:00.000+01:00',
  'a'.repeat(256),
  true,
  [],
  {},
  'owner',
];

function paths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([key, item]) => paths(item, [...prefix, key]))];
}

function withField(value: unknown, path: string[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[path.at(-1) as string] = replacement;
  return copy;
}

describe('the shape check agrees with zod', () => {
  test('on valid answers: the same data, unknown fields dropped', () => {
    const answer = { ...snapshot(), later: { nested: true } };
    expect(snapshotCheck.safeParse(answer)).toEqual(SnapshotSchema.safeParse(answer));
    expect(quoteCheck.safeParse(overageQuote)).toEqual(QuoteSchema.safeParse(overageQuote));
    const page = { entries: [usageEntry], next: null };
    expect(ledgerPageCheck.safeParse(page)).toEqual(LedgerPageSchema.safeParse(page));
  });

  test.each([
    ['Snapshot', snapshot(), snapshotCheck, SnapshotSchema],
    ['ledger page', { entries: [usageEntry], next: null }, ledgerPageCheck, LedgerPageSchema],
    ['Quote', overageQuote, quoteCheck, QuoteSchema],
  ] as const)(
    'on every field of a %s broken in every way: refused by both or by neither',
    (_, valid, check, schema) => {
      for (const path of paths(valid)) {
        for (const replacement of BREAKAGE) {
          const answer = withField(valid, path, replacement);
          const what = `${path.join('.')} = ${JSON.stringify(replacement)}`;
          expect(check.safeParse(answer).success, what).toBe(schema.safeParse(answer).success);
        }
      }
    },
  );

  test('a "__proto__" key in a record is dropped, as zod drops it, and sets no prototype', () => {
    const answer = JSON.parse(
      JSON.stringify(snapshot()).replace('"rates":{', '"rates":{"__proto__":{"x":"9"},'),
    );
    const checked = snapshotCheck.safeParse(answer);
    expect(checked).toEqual(SnapshotSchema.safeParse(answer));
    const rates = checked.success ? checked.data.plan.rates : {};
    expect(Object.getPrototypeOf(rates)).toBe(Object.prototype);
    expect(Object.keys(rates)).toEqual(Object.keys(snapshot().plan.rates));
  });

  test('a refusal names the field it could not read', () => {
    const answer = withField(snapshot(), ['credits', 'available'], 4568.7);
    const result = snapshotCheck.safeParse(answer);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.issues).toEqual([
        { path: ['credits', 'available'], message: 'expected credits' },
      ]);
    }
  });
});
