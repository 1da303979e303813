import { leafComponents, requestComponents, responseComponents } from './openapi-components.ts';
import { type RouteSpec, routes } from './openapi-routes.ts';
import { type ErrorCode, errorStatus } from './schemas/errors.ts';
import { webhookEventTypes } from './schemas/webhooks.ts';
import * as z from './zod.ts';

// Server only: the OpenAPI 3.1 document of docs/api.md, generated from the same zod schemas the
// clients use with zod's own JSON Schema output (2020-12, the dialect of OpenAPI 3.1).
// Served at GET /v1/openapi.json.

type Json = Record<string, unknown>;
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** What the middleware in front of every route may answer (server/app.ts). */
const everyRoute: ErrorCode[] = ['payload_too_large', 'misdirected_request', 'internal'];
const authErrors: ErrorCode[] = ['unauthorized', 'rate_limited'];
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
      // No public licence: an SPDX LicenseRef says so in the form linters and catalogues read.
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
      description:
        'Credits and dollars are decimal strings; instants are ISO-8601 UTC. ' +
        'State-changing POSTs take an Idempotency-Key; unknown request fields are rejected.',
    },
    servers: [{ url: '/' }],
    paths,
    webhooks: webhooks(),
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        member: { type: 'http', scheme: 'bearer', description: 'A member token (tly_…).' },
        operator: { type: 'http', scheme: 'bearer', description: 'The operator key.' },
      },
    },
  };
}

const SIGNATURE_HEADERS = [
  ['webhook-id', 'The event id, the same on every retry'],
  ['webhook-timestamp', "The attempt's Unix time in seconds"],
  ['webhook-signature', 'v1, then the base64 HMAC-SHA256 of id.timestamp.body under the secret'],
].map(([name, description]) => ({
  name,
  in: 'header',
  required: true,
  description,
  schema: { type: 'string' },
}));

/**
 * What Tally POSTs to a registered endpoint, one entry per event type: the signed body
 * (docs/webhooks.md); any 2xx within 15 s acknowledges it, anything else is retried.
 */
function webhooks(): Record<string, Json> {
  return Object.fromEntries(
    webhookEventTypes.map((type) => [
      type,
      {
        post: {
          operationId: `on${type.replace(/(^|\.)(\w)/g, (_, _dot, letter: string) => letter.toUpperCase())}`,
          summary: `The ${type} event, signed per Standard Webhooks`,
          // No bearer token: the receiver checks the signature headers with its endpoint secret.
          security: [],
          parameters: SIGNATURE_HEADERS,
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ref('WebhookEvent') } },
          },
          responses: {
            '200': { description: 'Received (any 2xx acknowledges; anything else is retried)' },
          },
        },
      },
    ]),
  );
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
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    security: route.auth === 'none' ? [] : [{ [route.auth]: [] }],
    ...(parameters.length ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ref(componentName(route.body)) } },
          },
        }
      : {}),
    responses: { [route.status]: answer(route), ...errorAnswers(route) },
  };
}

const componentNames = new Map<unknown, string>(
  Object.entries({ ...requestComponents, ...responseComponents }).map(([id, schema]) => [
    schema,
    id,
  ]),
);

function componentName(schema: z.ZodMiniType): string {
  const name = componentNames.get(schema);
  if (!name) throw new Error('A body or answer schema is not named in openapi-components.ts');
  return name;
}

function answer(route: RouteSpec): Json {
  if (!route.answer) return { description: 'Done; no body' };
  const mediaType = route.mediaType ?? 'application/json';
  const schema = ref(componentName(route.answer));
  return { description: 'OK', content: { [mediaType]: { schema } } };
}

/** The error answers of a route, each status with the codes it may carry. */
function errorAnswers(route: RouteSpec): Record<string, Json> {
  const takesInput = route.body || route.params || route.query || route.keyed;
  const codes = [
    ...(takesInput ? (['invalid_request'] as const) : []),
    ...(route.auth === 'none' ? [] : authErrors),
    ...(route.keyed ? keyErrors : []),
    ...(route.errors ?? []),
    ...everyRoute,
  ];
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) {
    byStatus.set(errorStatus[code], [...(byStatus.get(errorStatus[code]) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus]
      .sort(([a], [b]) => a - b)
      .map(([status, list]) => [
        status,
        {
          description: list.map((code) => `\`${code}\``).join(', '),
          content: {
            'application/json': {
              schema: {
                allOf: [ref('Error')],
                properties: { error: { properties: { code: { enum: list } } } },
              },
            },
          },
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
