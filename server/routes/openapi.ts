import type { Hono } from 'hono';
import type { AppEnv } from '../deps.ts';

export function openApiRoutes(app: Hono<AppEnv>): void {
  let document: Promise<unknown> | null = null;
  app.get('/v1/openapi.json', async (c) => {
    // Built on first request: the document generator is not needed to serve the API.
    document ??= import('../../lib/api/openapi.ts').then((m) => m.buildOpenApiDocument());
    try {
      return c.json((await document) as object);
    } catch (error) {
      document = null;
      throw error;
    }
  });
}
