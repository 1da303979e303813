import { leafComponents, requestComponents, responseComponents } from './openapi-components.ts';
import { type RouteSpec, routes } from './openapi-routes.ts';
import { type ErrorCode, errorStatus } from './schemas/errors.ts';
import * as z from './zod.ts';

// Server only: the OpenAPI 3.1 document of API.md, generated from the same zod schemas the
// clients use with zod's own JSON Schema output (2020-12, the dialect of OpenAPI 3.1).
// Served at GET /v1/openapi.json.

type Json = Record<string, unknown>;
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** Errors every authenticated route can answer, besides its own. */
const common: ErrorCode[] = [
  'invalid_request',
  'unauthorized',
  'payload_too_large',
  'misdirected_request',
  'rate_limited',
  'internal',
];
const keyErrors: ErrorCode[] = [
  'idempotency_key_required',
  'idempotency_in_flight',
  'idempotency_conflict',
];

export function buildOpenApiDocument(version = '1.0.0') {
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routes) {
    paths[route.path] = { ...paths[route.path], [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tally billing API',
      version,
      description:
        'Credits and dollars are decimal strings; instants are ISO-8601 UTC. ' +
        'State-changing POSTs take an Idempotency-Key; unknown request fields are rejected.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        member: { type: 'http', scheme: 'bearer', description: 'A member token (tly_…).' },
        operator: { type: 'http', scheme: 'bearer', description: 'The operator key.' },
      },
    },
  };
}

function componentSchemas(): Record<string, Json> {
  const generate = (named: Record<string, z.ZodMiniType>, io: 'input' | 'output') => {
    const registry = z.registry<{ id: string }>();
    for (const [id, schema] of Object.entries({ ...leafComponents, ...named })) {
      registry.add(schema, { id });
    }
    const { schemas } = z.toJSONSchema(registry, {
      target: 'draft-2020-12',
      io,
      uri: (id) => ref(id).$ref,
    });
    return Object.fromEntries(
      Object.entries(schemas).map(([id, { $schema, $id, ...schema }]) => [id, schema as Json]),
    );
  };
  return { ...generate(requestComponents, 'input'), ...generate(responseComponents, 'output') };
}

function operation(route: RouteSpec): Json {
  const parameters = [
    ...parametersOf(route.params, 'path'),
    ...parametersOf(route.query, 'query'),
    ...(route.keyed
      ? [{ name: 'Idempotency-Key', in: 'header', required: true, schema: ref('IdempotencyKey') }]
      : []),
  ];
  const mediaType = route.mediaType ?? 'application/json';
  return {
    ...(route.operationId ? { operationId: route.operationId } : {}),
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    security: route.auth === 'none' ? [] : [{ [route.auth]: [] }],
    ...(parameters.length ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ref(route.body) } },
          },
        }
      : {}),
    responses: {
      [route.status]: {
        description: route.answer ? 'OK' : 'Done; no body',
        ...(route.answer ? { content: { [mediaType]: { schema: ref(route.answer) } } } : {}),
      },
      ...errorAnswers(route),
    },
  };
}

function errorAnswers(route: RouteSpec): Record<string, Json> {
  const codes = [
    ...(route.auth === 'none' ? [] : common),
    ...(route.keyed ? keyErrors : []),
    ...(route.errors ?? []),
  ];
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) {
    byStatus.set(errorStatus[code], [...(byStatus.get(errorStatus[code]) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      status,
      {
        description: list.map((code) => `\`${code}\``).join(', '),
        content: { 'application/json': { schema: ref('Error') } },
      },
    ]),
  );
}

function parametersOf(schema: z.ZodMiniObject | undefined, where: 'path' | 'query'): Json[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as {
    properties?: Record<string, Json>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}
