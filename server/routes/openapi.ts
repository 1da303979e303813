import type { Hono } from 'hono';
import { buildOpenApiDocument } from '../../lib/api/openapi.ts';
import type { AppEnv } from '../deps.ts';

export function openApiRoutes(app: Hono<AppEnv>): void {
  let document: unknown = null;
  app.get('/v1/openapi.json', (c) => {
    document ??= buildOpenApiDocument();
    return c.json(document as object);
  });
}
