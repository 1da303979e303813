// The demo editor of the reference server: an image editor whose operations cost
// credits, to try the extension and the embeddable widget on. Mounted at '/' by server/app.ts.
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { editorApiRoutes } from './api-routes.ts';
import type { EditorDeps } from './deps.ts';
import { embedFileRoutes } from './embed-files.ts';
import { editorPageRoutes } from './page-routes.ts';
import { editorWebhookRoutes } from './webhook-routes.ts';

export type { EditorDemo, EditorDeps } from './deps.ts';

const DEFAULT_EMBED_DIR = fileURLToPath(new URL('../../dist/embed/', import.meta.url));

export function editorRoutes(deps: EditorDeps): Hono {
  const app = new Hono();
  app.route('/editor/api', editorApiRoutes(deps));
  if (deps.demo) app.route('/', editorWebhookRoutes(deps));
  app.route('/editor', editorPageRoutes(deps.demo !== null));
  app.get('/editor/', (c) => c.redirect('/editor', 301));
  app.route('/embed', embedFileRoutes(deps.embedDir ?? DEFAULT_EMBED_DIR));
  return app;
}
