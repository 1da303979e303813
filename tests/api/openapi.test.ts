import { expect, test } from 'vitest';
import { buildOpenApiDocument } from '../../lib/api/openapi.ts';

const document = buildOpenApiDocument('9.9.9');
const paths = document.paths;

// Every endpoint of API.md, with its method and success status.
const endpoints: [string, string, string][] = [
  ['get', '/v1/health', '200'],
  ['get', '/v1/catalog', '200'],
  ['get', '/v1/me', '200'],
  ['post', '/v1/quotes', '200'],
  ['post', '/v1/usage', '201'],
  ['post', '/v1/holds', '201'],
  ['post', '/v1/holds/{id}/capture', '200'],
  ['post', '/v1/holds/{id}/release', '200'],
  ['post', '/v1/plan-changes/preview', '200'],
  ['post', '/v1/plan-changes', '201'],
  ['put', '/v1/overage-policy', '200'],
  ['get', '/v1/ledger', '200'],
  ['get', '/v1/charges', '200'],
  ['get', '/v1/events', '200'],
  ['post', '/v1/accounts', '201'],
  ['post', '/v1/accounts/{id}/members', '201'],
  ['post', '/v1/dev/clock', '200'],
];

type Operation = {
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: unknown;
  security?: Record<string, string[]>[];
};
const operation = (method: string, path: string) =>
  (paths[path] as Record<string, Operation> | undefined)?.[method];

test('an OpenAPI 3.1 document with every path of API.md and nothing else', () => {
  expect(document.openapi).toBe('3.1.0');
  expect(document.info.version).toBe('9.9.9');
  expect(Object.keys(paths).sort()).toEqual([...new Set(endpoints.map(([, p]) => p))].sort());
  for (const [method, path, status] of endpoints) {
    expect(operation(method, path)?.responses[status], `${method} ${path}`).toBeDefined();
  }
});

test('bearer auth everywhere except health', () => {
  const schemes = document.components.securitySchemes;
  expect(schemes.member).toMatchObject({ type: 'http', scheme: 'bearer' });
  expect(schemes.operator).toMatchObject({ type: 'http', scheme: 'bearer' });
  expect(operation('get', '/v1/health')?.security).toEqual([]);
  expect(operation('get', '/v1/me')?.security).toEqual([{ member: [] }]);
  expect(operation('post', '/v1/accounts')?.security).toEqual([{ operator: [] }]);
  expect(operation('get', '/v1/me')?.responses['401']).toBeDefined();
});

test('usage: Idempotency-Key required, strict body, 402 with the error body', () => {
  const usage = operation('post', '/v1/usage')!;
  expect(usage.parameters).toContainEqual(
    expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true }),
  );
  expect(usage.responses['402']?.content?.['application/json']?.schema.$ref).toBe(
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
  expect(errorCodes).toHaveLength(15);
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
