import type { Hono } from 'hono';
import { HealthSchema } from '../../lib/api/schemas/responses.ts';
import { apiRoute } from '../api-route.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { checked } from '../validate.ts';

export function healthRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  apiRoute(app, deps, 'getHealth', (c) =>
    c.json(checked(HealthSchema, { status: 'ok', version: deps.version })),
  );
}
