import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { checkHost } from './allowed-hosts.ts';
import { limitBody } from './body-limit.ts';
import type { AppDeps, AppEnv } from './deps.ts';
import { errorResponse } from './error-response.ts';
import { ApiError } from './errors.ts';
import { header } from './header.ts';
import { accountMemberRoutes } from './routes/account-members.ts';
import { accountSettingRoutes } from './routes/account-settings.ts';
import { accountRoutes } from './routes/accounts.ts';
import { catalogRoutes } from './routes/catalog.ts';
import { devClockRoutes } from './routes/dev-clock.ts';
import { eventRoutes } from './routes/events.ts';
import { healthRoutes } from './routes/health.ts';
import { historyRoutes } from './routes/history.ts';
import { holdRoutes } from './routes/holds.ts';
import { meRoutes } from './routes/me.ts';
import { memberRoutes } from './routes/members.ts';
import { openApiRoutes } from './routes/openapi.ts';
import { planChangeRoutes } from './routes/plan-changes.ts';
import { quoteRoutes } from './routes/quotes.ts';
import { upgradeRequestRoutes } from './routes/upgrade-requests.ts';
import { usageRoutes } from './routes/usage.ts';
import { usageSummaryRoutes } from './routes/usage-summary.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { securityHeaders } from './security-headers.ts';

/** The demo editor (server/editor/routes.ts), mounted at '/' when it is there. */
export type EditorRoutes = (deps: {
  billing: (request: Request) => Response | Promise<Response>;
  demo: AppDeps['demo'];
  operatorKey: string;
}) => Hono;

/** The billing API of docs/api.md as one Hono app; main.ts serves it, tests may call fetch. */
export function createApp(deps: AppDeps, editorRoutes?: EditorRoutes | null): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError((error, c) => errorResponse(c, error));
  app.notFound((c) =>
    errorResponse(c, new ApiError('not_found', `No route ${c.req.method} ${c.req.path}`)),
  );

  app.use('*', securityHeaders());
  app.use('*', checkHost(deps.allowedHosts));
  app.use('*', limitBody());

  // Browsers may call the API only from the page origins the vendor listed.
  const allowed = new Set(deps.corsOrigins);
  const corsHeaders = cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Last-Event-ID'],
    exposeHeaders: ['Retry-After'],
    maxAge: 600,
  });
  // Only browsers send Origin; a server-to-server call skips the CORS work.
  app.use('/v1/*', (c, next) =>
    header(c, 'origin') === undefined ? next() : corsHeaders(c, next),
  );

  // The API's routes. Each is an operation of the OpenAPI document: describe it in
  // lib/api/openapi-routes.ts (operationId, method, path, auth, body schema, answer component,
  // refusals), then register its handler with apiRoute(app, deps, operationId, (c, input) => …),
  // which serves it at that method and path behind that auth; `input.body()` and
  // `input.query()` read with the declared schemas. tests/api/openapi.test.ts fails while the
  // app and the document disagree, and every server test checks its answers against it.
  healthRoutes(app, deps);
  openApiRoutes(app, deps);
  if (deps.devClock) devClockRoutes(app, deps, deps.devClock);
  accountRoutes(app, deps);
  accountMemberRoutes(app, deps);
  catalogRoutes(app, deps);
  meRoutes(app, deps);
  quoteRoutes(app, deps);
  usageRoutes(app, deps);
  holdRoutes(app, deps);
  planChangeRoutes(app, deps);
  accountSettingRoutes(app, deps);
  historyRoutes(app, deps);
  eventRoutes(app, deps);
  webhookRoutes(app, deps);
  memberRoutes(app, deps);
  usageSummaryRoutes(app, deps);
  upgradeRequestRoutes(app, deps);

  if (editorRoutes) {
    // The editor's backend calls this very API in-process, as a vendor's backend would over HTTP.
    const demo = deps.demo && { accountId: deps.demo.accountId, members: deps.demo.members };
    app.route(
      '/',
      editorRoutes({
        billing: (request) => app.fetch(request),
        demo,
        operatorKey: deps.operatorKey,
      }),
    );
    // Someone opening the printed server address lands on the demo.
    app.get('/', (c) => c.redirect('/editor'));
  }
  return app;
}
