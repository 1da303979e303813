import type { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../deps.ts';
import { memberAuth } from '../guards.ts';

export function catalogRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/v1/catalog', memberAuth(deps), (c) =>
    c.json({ operations: deps.catalog.operations, plans: deps.catalog.plans }),
  );
}
