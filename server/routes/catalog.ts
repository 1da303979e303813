import type { Hono } from 'hono';
import { CatalogSchema } from '../../lib/api/schemas/plan.ts';
import { apiRoute } from '../api-route.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { checked } from '../validate.ts';

export function catalogRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  // Checked once: the catalogue does not change while the server runs.
  const catalog = checked(CatalogSchema, {
    operations: deps.catalog.operations,
    plans: deps.catalog.plans,
  });
  apiRoute(app, deps, 'getCatalog', (c) => c.json(catalog));
}
