import type { Handler, Hono, MiddlewareHandler } from 'hono';
import { type OperationId, type RouteSpec, routes } from '../lib/api/openapi-routes.ts';
import type { AppDeps, AppEnv } from './deps.ts';
import { memberAuth, operatorAuth } from './guards.ts';

const byOperationId = new Map<string, RouteSpec>(routes.map((route) => [route.operationId, route]));

const open: MiddlewareHandler<AppEnv> = (_c, next) => next();

/** The handlers and guards apiRoute registered, so a test can tell a route that bypassed it. */
const registered = new WeakSet<object>();

export function isRegisteredByApiRoute(handler: object): boolean {
  return registered.has(handler);
}

/**
 * Serves one operation of the OpenAPI document (lib/api/openapi-routes.ts) at the method and
 * path the document gives it, behind the auth it declares: what a client reads there is what
 * answers. A route of the API is registered only this way: tests/api/openapi.test.ts checks
 * that the app serves exactly the document's operations, each through here.
 */
export function apiRoute(
  app: Hono<AppEnv>,
  deps: AppDeps,
  operationId: OperationId,
  handler: Handler<AppEnv>,
): void {
  const spec = byOperationId.get(operationId);
  if (!spec) throw new Error(`No operation ${operationId} in lib/api/openapi-routes.ts`);
  const guard =
    spec.auth === 'member'
      ? memberAuth(deps)
      : spec.auth === 'operator'
        ? operatorAuth(deps)
        : open;
  registered.add(guard).add(handler);
  // OpenAPI writes a path parameter {id}, Hono :id.
  app.on(spec.method.toUpperCase(), spec.path.replace(/\{(\w+)\}/g, ':$1'), guard, handler);
}
