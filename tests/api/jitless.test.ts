import { expect, test } from 'vitest';
import { SnapshotSchema } from '../../lib/api/index.ts';
import { z } from '../../lib/api/zod.ts';
import { snapshot } from './fixtures.ts';

// Extension pages forbid eval: a schema built and parsed through lib/api must never construct
// a Function (classic zod compiles object parsers with `new Function` unless jitless; even the
// probe for eval raises a CSP violation report, which jitless skips).
test('lib/api configures zod as jitless', () => {
  expect(z.config({}).jitless).toBe(true);
});

test('parsing never compiles code with new Function', () => {
  const realFunction = globalThis.Function;
  let constructed = 0;
  globalThis.Function = new Proxy(realFunction, {
    construct(target, args) {
      constructed++;
      return Reflect.construct(target, args);
    },
  });
  try {
    const fresh = z.object({ a: z.string(), b: z.object({ c: z.number() }) });
    for (let i = 0; i < 3; i++) fresh.parse({ a: 'x', b: { c: i } });
    SnapshotSchema.parse(snapshot());
  } finally {
    globalThis.Function = realFunction;
  }
  expect(constructed).toBe(0);
});
