import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { type RouteSpec, routes } from './openapi-routes.ts';
import { ErrorBodySchema, type ErrorCode, errorStatus } from './schemas/errors.ts';

// Server only: the OpenAPI document of API.md, generated from the same zod schemas the
// clients use, served at GET /v1/openapi.json. Clients must not import this file.

/** Errors any authenticated route can answer, besides its own. */
const common: ErrorCode[] = ['invalid_request', 'payload_too_large', 'rate_limited', 'internal'];

export function buildOpenApiDocument(version = '1.0.0') {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'member', {
    type: 'http',
    scheme: 'bearer',
    description: 'A member token (tly_…): acts for one member of one account.',
  });
  registry.registerComponent('securitySchemes', 'operator', {
    type: 'http',
    scheme: 'bearer',
    description: "The operator key (TALLY_OPERATOR_KEY), for the vendor's own backend.",
  });
  for (const spec of routes) registry.registerPath(withErrors(spec));
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Tally billing API',
      version,
      description:
        'Credits and dollars are decimal strings; instants are ISO-8601 UTC. ' +
        'State-changing POSTs take an Idempotency-Key; unknown request fields are rejected.',
    },
    servers: [{ url: '/' }],
  });
}

function withErrors({ route, auth, errors }: RouteSpec) {
  const codes = new Set<ErrorCode>([
    ...(auth === 'none' ? [] : common),
    ...(auth === 'none' ? [] : (['unauthorized'] as ErrorCode[])),
    ...errors,
  ]);
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = errorStatus[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses = { ...route.responses };
  for (const [status, list] of byStatus) {
    responses[status] = {
      description: list.map((code) => `\`${code}\``).join(', '),
      content: { 'application/json': { schema: ErrorBodySchema } },
    };
  }
  return { ...route, responses, security: auth === 'none' ? [] : [{ [auth]: [] }] };
}
