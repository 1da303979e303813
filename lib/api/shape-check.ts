// A small checker of API answers for bundles that cannot carry zod (the embed's budget is
// 32 KB and zod/mini costs ~8 KB of it). The zod schemas in schemas/ stay the one definition of
// the wire: every shape in response-shapes.ts is derived from them in a test, and the checker
// agrees with zod on what it accepts and on the data it returns (unknown fields dropped).

/** Decimal strings of docs/api.md (Conventions): no exponent, no leading zeros, credits to 3 places. */
export const CREDITS_TEXT = /^(0|[1-9]\d*)(\.\d{1,3})?$/;
export const SIGNED_CREDITS_TEXT = /^-?(0|[1-9]\d*)(\.\d{1,3})?$/;
export const USD_TEXT = /^(0|[1-9]\d*)(\.\d+)?$/;
export const SIGNED_USD_TEXT = /^-?(0|[1-9]\d*)(\.\d+)?$/;
/** docs/api.md: a quantity is a positive integer, at most 10,000; an id 1 to 255 characters. */
export const MAX_QUANTITY = 10_000;
export const MAX_ID_LENGTH = 255;
// An ISO-8601 UTC instant with seconds, and a real one: Date.parse rolls "02-30" over to
// March and "24:00" to the next day, so the day it lands on must be the day written.
const INSTANT_TEXT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
function isInstant(value: unknown): boolean {
  if (!isText(value, INSTANT_TEXT)) return false;
  const at = Date.parse(value as string);
  return (
    !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === (value as string).slice(0, 10)
  );
}

const isInt = (value: unknown, min: number, max: number) =>
  Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;
const isText = (value: unknown, pattern: RegExp) =>
  typeof value === 'string' && pattern.test(value);

const LEAVES = {
  string: (value: unknown) => typeof value === 'string',
  boolean: (value: unknown) => typeof value === 'boolean',
  unknown: () => true,
  id: (value: unknown) =>
    typeof value === 'string' && value.length >= 1 && value.length <= MAX_ID_LENGTH,
  count: (value: unknown) => isInt(value, 0, Number.MAX_SAFE_INTEGER),
  quantity: (value: unknown) => isInt(value, 1, MAX_QUANTITY),
  terms: (value: unknown) => isInt(value, 2, Number.MAX_SAFE_INTEGER),
  credits: (value: unknown) => isText(value, CREDITS_TEXT),
  'signed-credits': (value: unknown) => isText(value, SIGNED_CREDITS_TEXT),
  usd: (value: unknown) => isText(value, USD_TEXT),
  'signed-usd': (value: unknown) => isText(value, SIGNED_USD_TEXT),
  instant: isInstant,
  percent: (value: unknown) => isInt(value, 1, 99),
  'alert-threshold': (value: unknown) => value === 'exhausted' || isInt(value, 1, 99),
};

export type Leaf = keyof typeof LEAVES;

/**
 * A leaf by name, an object of fields, or a wrapper: `['array', item]`, `['record', value]`
 * (string keys), `['nullable', shape]`, `['optional', shape]` (the field may be absent), or
 * `['enum', ...values]`.
 */
export type Shape =
  | Leaf
  | { readonly [field: string]: Shape }
  | readonly ['array' | 'record' | 'nullable' | 'optional', Shape]
  | readonly ['enum', ...string[]];

export interface ShapeIssue {
  path: (string | number)[];
  message: string;
}

/** What a zod schema's `safeParse` answers too, so request.ts takes either. */
export interface WireCheck<T> {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: unknown[] } };
}

class Mismatch {
  constructor(readonly issue: ShapeIssue) {}
}

function describe(shape: Shape): string {
  if (typeof shape === 'string') return shape;
  if (!Array.isArray(shape)) return 'object';
  return shape[0] === 'enum' ? `one of ${shape.slice(1).join(', ')}` : shape[0];
}

function read(shape: Shape, value: unknown, path: (string | number)[]): unknown {
  const fail = (): never => {
    throw new Mismatch({ path, message: `expected ${describe(shape)}` });
  };
  if (typeof shape === 'string') return LEAVES[shape](value) ? value : fail();
  if (Array.isArray(shape)) {
    const [kind, ...rest] = shape as readonly [string, ...Shape[]];
    const inner = rest[0] as Shape;
    if (kind === 'enum') return (rest as string[]).includes(value as string) ? value : fail();
    if (kind === 'nullable') return value === null ? value : read(inner, value, path);
    // Reached only for a field that is there: an absent one is skipped by its object.
    if (kind === 'optional') return read(inner, value, path);
    if (kind === 'array') {
      if (!Array.isArray(value)) fail();
      return (value as unknown[]).map((item, index) => read(inner, item, [...path, index]));
    }
    if (!isRecord(value)) fail();
    // A "__proto__" key is dropped, as zod drops it, and can set no prototype.
    return Object.fromEntries(
      Object.entries(value as object)
        .filter(([key]) => key !== '__proto__')
        .map(([key, item]) => [key, read(inner, item, [...path, key])]),
    );
  }
  if (!isRecord(value)) fail();
  const object: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  for (const [field, fieldShape] of Object.entries(shape) as [string, Shape][]) {
    // An optional field is absent or holds a value, as zod's exactOptional has it: a key that is
    // there with `undefined` is refused.
    if (
      !Object.hasOwn(record, field) &&
      Array.isArray(fieldShape) &&
      fieldShape[0] === 'optional'
    ) {
      continue;
    }
    const item = read(fieldShape, record[field], [...path, field]);
    if (item !== undefined) object[field] = item;
  }
  return object;
}

function isRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A checker of `shape` whose data is typed `T` (the zod schema's output type). */
export function checkShape<T>(shape: Shape): WireCheck<T> {
  return {
    safeParse(value) {
      try {
        return { success: true, data: read(shape, value, []) as T };
      } catch (error) {
        if (error instanceof Mismatch) return { success: false, error: { issues: [error.issue] } };
        throw error;
      }
    },
  };
}
