import type { Hono } from 'hono';
import { apiRoute } from '../api-route.ts';
import type { AppDeps, AppEnv } from '../deps.ts';

export function openApiRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  let document: Promise<unknown> | null = null;
  apiRoute(app, deps, 'getOpenApiDocument', async (c) => {
    // Built on first request: the document generator is not needed to serve the API. Its
    // version is the server's (GET /v1/health), so a generated client can tell what it met.
    document ??= import('../../lib/api/openapi.ts').then((m) =>
      m.buildOpenApiDocument(deps.version),
    );
    try {
      return c.json((await document) as object);
    } catch (error) {
      document = null;
      throw error;
    }
  });
}
