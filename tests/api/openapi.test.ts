import { expect, test } from 'vitest';
import { buildOpenApiDocument } from '../../lib/api/openapi.ts';
import { demoCatalog } from '../../lib/billing/catalog.ts';
import { isRegisteredByApiRoute } from '../../server/api-route.ts';
import { createApp } from '../../server/app.ts';
import type { AppDeps } from '../../server/deps.ts';

const document = buildOpenApiDocument('9.9.9');
const paths = document.paths;

// The routes the server really has (a dev clock on, so its routes are there too), as
// OpenAPI writes them; the document describes every other one.
const apiRoutes = createApp({
  catalog: demoCatalog,
  devClock: {},
  corsOrigins: [],
  allowedHosts: {},
} as unknown as AppDeps).routes.filter((route) => route.method !== 'ALL');
const served = apiRoutes.map(
  (route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`,
);

type Operation = {
  operationId: string;
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: unknown;
  security?: Record<string, string[]>[];
};
const operation = (method: string, path: string) =>
  (paths[path] as Record<string, Operation> | undefined)?.[method];

test('an OpenAPI 3.1 document with every route the server serves and nothing else', () => {
  expect(document.openapi).toBe('3.1.0');
  expect(document.info.version).toBe('9.9.9');
  const described = Object.entries(paths).flatMap(([path, operations]) =>
    Object.keys(operations as object).map((method) => `${method} ${path}`),
  );
  expect(described.sort()).toEqual([...new Set(served)].sort());
});

test('the app serves each operation through apiRoute, at the path and auth its entry says', () => {
  const bypassed = apiRoutes.filter((route) => !isRegisteredByApiRoute(route.handler));
  expect(bypassed.map((route) => `${route.method} ${route.path}`)).toEqual([]);
});

test('every operation has a unique camelCase operationId, the method name of a generated client', () => {
  const ids = Object.values(paths).flatMap((operations) =>
    Object.values(operations as Record<string, Operation>).map((o) => o.operationId),
  );
  expect(ids).toContain('recordUsage');
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z]*$/);
});

test('bearer auth everywhere except health, the document and the dev clock', () => {
  const schemes = document.components.securitySchemes;
  expect(schemes.member).toMatchObject({ type: 'http', scheme: 'bearer' });
  expect(schemes.operator).toMatchObject({ type: 'http', scheme: 'bearer' });
  expect(operation('get', '/v1/health')?.security).toEqual([]);
  expect(operation('get', '/v1/me')?.security).toEqual([{ member: [] }]);
  expect(operation('post', '/v1/accounts')?.security).toEqual([{ operator: [] }]);
  expect(operation('get', '/v1/me')?.responses['401']).toBeDefined();
  // The dev clock takes no key (docs/api.md): nothing to declare, no 401 to answer.
  expect(operation('post', '/v1/dev/clock')?.security).toEqual([]);
  expect(operation('post', '/v1/dev/clock')?.responses['401']).toBeUndefined();
  expect(operation('get', '/v1/health')?.responses['401']).toBeUndefined();
});

test('an error answer names the codes its status may carry', () => {
  const conflict = operation('post', '/v1/holds/{id}/capture')?.responses['409'];
  const schema = conflict?.content?.['application/json']?.schema as unknown;
  expect(schema).toEqual({
    allOf: [{ $ref: '#/components/schemas/Error' }],
    properties: {
      error: { properties: { code: { enum: ['idempotency_in_flight', 'hold_not_pending'] } } },
    },
  });
  // Health is refused only by what stands in front of every route.
  expect(Object.keys(operation('get', '/v1/health')?.responses ?? {})).toEqual([
    '200',
    '413',
    '421',
    '500',
  ]);
});

test('usage: Idempotency-Key required, strict body, 402 with the error body', () => {
  const usage = operation('post', '/v1/usage')!;
  expect(usage.parameters).toContainEqual(
    expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true }),
  );
  expect(JSON.stringify(usage.responses['402']?.content?.['application/json']?.schema)).toContain(
    '#/components/schemas/Error',
  );
  expect(usage.responses['409']).toBeDefined();
  expect(usage.responses['422']).toBeDefined();
  const request = document.components.schemas.UsageRequest as Record<string, unknown>;
  expect(request.additionalProperties).toBe(false);
  expect(request.required).toEqual(['operation', 'quantity']);
});

test('quotes and the overage policy need no Idempotency-Key', () => {
  for (const [method, path] of [
    ['post', '/v1/quotes'],
    ['put', '/v1/overage-policy'],
  ] as const) {
    const names = (operation(method, path)?.parameters ?? []).map((p) => p.name);
    expect(names).not.toContain('Idempotency-Key');
  }
});

test('credits are strings with at most 3 decimal places in the document too', () => {
  const credits = document.components.schemas.Credits as Record<string, unknown>;
  expect(credits.type).toBe('string');
  const pattern = new RegExp(credits.pattern as string);
  expect(pattern.test('4568.7')).toBe(true);
  expect(pattern.test('0.0001')).toBe(false);
  const errorCodes = (document.components.schemas.ErrorCode as { enum: string[] }).enum;
  expect(errorCodes).toHaveLength(17);
});

test('every $ref points at a component that exists', () => {
  const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
  expect(refs.length).toBeGreaterThan(50);
  const schemas = document.components.schemas;
  for (const ref of new Set(refs)) {
    const id = ref.slice('"$ref":"#/components/schemas/'.length, -1);
    expect(schemas, ref).toHaveProperty(id);
  }
});

test('ledger paging parameters come from the query schema', () => {
  const parameters = operation('get', '/v1/ledger')?.parameters ?? [];
  expect(parameters.map((p) => [p.name, p.in, p.required])).toEqual([
    ['limit', 'query', false],
    ['before', 'query', false],
  ]);
  expect(operation('post', '/v1/holds/{id}/capture')?.parameters?.[0]).toMatchObject({
    name: 'id',
    in: 'path',
    required: true,
  });
});
