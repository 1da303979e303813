// The published OpenAPI document as the contract of every answer the tests receive from a
// billing server they started (tests/support/server.ts registers its port). The answer must be
// declared for its path, method and status, carry the declared media type, and (JSON) match
// the declared schema, checked with ajv (draft 2020-12, OpenAPI 3.1's dialect). Each schema is
// compiled once per test file, on first use. contract-setup.ts runs every fetch through here;
// raw-http.ts its own requests.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import { buildOpenApiDocument } from '../../lib/api/openapi.ts';

export interface ReceivedAnswer {
  method: string;
  /** The request's URL path (no query). */
  path: string;
  status: number;
  contentType: string;
  /** The body as text; undefined for an event stream, which never ends. */
  body: string | undefined;
}

interface DeclaredAnswer {
  content?: Record<string, { schema: object }>;
}
type Operations = Record<string, { responses: Record<string, DeclaredAnswer> }>;

/** What answers a request the document does not describe: no route, or the middleware. */
const undeclaredOperationStatuses = [404, 413, 421];

let compiled: {
  document: ReturnType<typeof buildOpenApiDocument>;
  ajv: Ajv2020;
  routes: { pattern: RegExp; templated: boolean; operations: Operations }[];
  validators: Map<string, ValidateFunction>;
} | null = null;

function contract() {
  if (compiled) return compiled;
  const document = buildOpenApiDocument();
  // strictTypes off: an error status narrows `Error`'s code with `properties` beside `allOf`.
  const ajv = new Ajv2020({ allErrors: true, strictTypes: false });
  // Instants carry zod's exact ISO pattern as well; the format adds nothing to check.
  ajv.addFormat('date-time', true);
  ajv.addKeyword('components');
  ajv.addSchema({ $id: 'tally-openapi', components: document.components });
  const routes = Object.entries(document.paths).map(([path, operations]) => ({
    pattern: new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`),
    templated: path.includes('{'),
    operations: operations as Operations,
  }));
  // Literal paths first: /v1/plan-changes/preview is not a plan change named "preview".
  routes.sort((a, b) => Number(a.templated) - Number(b.templated));
  compiled = { document, ajv, routes, validators: new Map() };
  return compiled;
}

/** Why an answer breaks the contract, or null when it keeps it. */
export function contractViolation(answer: ReceivedAnswer): string | null {
  const { method, path, status } = answer;
  // CORS preflights are the CORS layer's, not operations; outside /v1 is not the billing API.
  if (method === 'OPTIONS' || !path.startsWith('/v1/')) return null;
  const { ajv, routes, validators } = contract();
  const what = `${method} ${path} → ${status}`;
  const route = routes.find((r) => r.pattern.test(path));
  const operation = route?.operations[method.toLowerCase()];
  if (!operation) {
    if (!undeclaredOperationStatuses.includes(status)) {
      return `${what}: no such operation in the document, yet not a 404, 413 or 421`;
    }
    return schemaViolation(
      what,
      validator('Error', { $ref: '#/components/schemas/Error' }),
      answer,
    );
  }
  const declared = operation.responses[String(status)];
  if (!declared) {
    const statuses = Object.keys(operation.responses).join(', ');
    return `${what}: status not declared for this operation (declared: ${statuses}); body ${answer.body?.slice(0, 300)}`;
  }
  const [mediaType, media] = Object.entries(declared.content ?? {})[0] ?? [];
  if (!mediaType || !media) {
    return answer.body
      ? `${what}: declared without a body, answered ${answer.body.slice(0, 200)}`
      : null;
  }
  const essence = answer.contentType.split(';')[0]?.trim().toLowerCase();
  if (essence !== mediaType) {
    return `${what}: content-type ${answer.contentType || '(none)'}, declared ${mediaType}`;
  }
  if (mediaType !== 'application/json') return null;
  const key = `${method} ${route?.pattern.source} ${status}`;
  return schemaViolation(what, validator(key, media.schema), answer);

  function validator(id: string, schema: object): ValidateFunction {
    let validate = validators.get(id);
    if (!validate) {
      validate = ajv.compile(rebase(schema));
      validators.set(id, validate);
    }
    return validate;
  }
}

function schemaViolation(what: string, validate: ValidateFunction, answer: ReceivedAnswer) {
  let json: unknown;
  try {
    json = JSON.parse(answer.body ?? '');
  } catch {
    return `${what}: body is not JSON: ${answer.body?.slice(0, 200)}`;
  }
  if (validate(json)) return null;
  const errors = (validate.errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  return `${what}: body breaks the declared schema: ${errors.join('; ')}; body ${answer.body?.slice(0, 300)}`;
}

/** A schema of the document, its refs (relative to the document's root) made to point into it. */
function rebase(schema: object): object {
  return JSON.parse(
    JSON.stringify(schema).replaceAll(
      '"$ref":"#/components/',
      '"$ref":"tally-openapi#/components/',
    ),
  );
}

// Which servers' answers are checked: the loopback ports of the billing servers tests started.
const checkedPorts = new Set<number>();
const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function checkAnswersOf(port: number): void {
  checkedPorts.add(port);
}

export function stopCheckingAnswersOf(port: number): void {
  checkedPorts.delete(port);
}

export function isChecked(url: URL): boolean {
  return loopback.has(url.hostname) && checkedPorts.has(Number(url.port));
}

// Violations are collected, not thrown where they happen: a client under test may catch what
// its fetch throws (and retry), and the check must not change what the test sees. The setup
// file fails the test that received them.
const violations: string[] = [];

export function report(answer: ReceivedAnswer): void {
  const violation = contractViolation(answer);
  if (violation) violations.push(violation);
}

/** The violations seen since the last call. */
export function takeViolations(): string[] {
  return violations.splice(0);
}
