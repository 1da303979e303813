import type { Context, Hono, MiddlewareHandler } from 'hono';
import type * as core from 'zod/v4/core';
import { type OperationId, type RouteSpec, routes } from '../lib/api/openapi-routes.ts';
import type { AppDeps, AppEnv } from './deps.ts';
import { memberAuth, operatorAuth } from './guards.ts';
import { readBody, readQuery } from './validate.ts';

type RouteOf<Id extends OperationId> = Extract<(typeof routes)[number], { operationId: Id }>;
type Checked<R, K extends 'body' | 'query'> = R extends { [P in K]: infer S extends core.$ZodType }
  ? core.output<S>
  : never;

/** A request's input, read with the schemas its operation declares in the document. */
export interface Input<Id extends OperationId> {
  /** The JSON body (an empty one reads as `{}`); 400 invalid_request when the schema refuses it. */
  body(): Promise<Checked<RouteOf<Id>, 'body'>>;
  /** The query string; 400 invalid_request when the schema refuses it. */
  query(): Checked<RouteOf<Id>, 'query'>;
}

export type ApiHandler<Id extends OperationId> = (
  c: Context<AppEnv>,
  input: Input<Id>,
) => Response | Promise<Response>;

const byOperationId = new Map<string, RouteSpec>(routes.map((route) => [route.operationId, route]));

const open: MiddlewareHandler<AppEnv> = (_c, next) => next();

/** The handlers and guards apiRoute registered, so a test can tell a route that bypassed it. */
const registered = new WeakSet<object>();

export function isRegisteredByApiRoute(handler: object): boolean {
  return registered.has(handler);
}

/**
 * Serves one operation of the OpenAPI document (lib/api/openapi-routes.ts) at the method and
 * path the document gives it, behind the auth it declares, and hands the handler the body and
 * query read with the schemas the document shows: what a client reads there is what answers.
 * A route of the API is registered only this way: tests/api/openapi.test.ts checks that the app
 * serves exactly the document's operations, each through here.
 */
export function apiRoute<Id extends OperationId>(
  app: Hono<AppEnv>,
  deps: AppDeps,
  operationId: Id,
  handler: ApiHandler<Id>,
): void {
  const spec = byOperationId.get(operationId);
  if (!spec) throw new Error(`No operation ${operationId} in lib/api/openapi-routes.ts`);
  const guard =
    spec.auth === 'member'
      ? memberAuth(deps)
      : spec.auth === 'operator'
        ? operatorAuth(deps)
        : open;
  const serve = (c: Context<AppEnv>) => handler(c, inputOf<Id>(c, spec));
  registered.add(guard).add(serve);
  // OpenAPI writes a path parameter {id}, Hono :id.
  app.on(spec.method.toUpperCase(), spec.path.replace(/\{(\w+)\}/g, ':$1'), guard, serve);
}

function inputOf<Id extends OperationId>(c: Context<AppEnv>, spec: RouteSpec): Input<Id> {
  const { body, query } = spec;
  return {
    body: () => {
      if (!body) throw new Error(`${spec.operationId} declares no request body`);
      return readBody(c, body) as Promise<Checked<RouteOf<Id>, 'body'>>;
    },
    query: () => {
      if (!query) throw new Error(`${spec.operationId} declares no query`);
      return readQuery(c, query) as Checked<RouteOf<Id>, 'query'>;
    },
  };
}
