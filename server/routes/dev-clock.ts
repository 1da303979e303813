import type { Hono } from 'hono';
import { DevClockResultSchema } from '../../lib/api/schemas/operator.ts';
import { apiRoute } from '../api-route.ts';
import type { DevClock } from '../clock.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { header } from '../header.ts';
import { checked } from '../validate.ts';

/**
 * Only mounted with TALLY_DEV_CLOCK=1; no key needed (docs/api.md). With no key, a page of any
 * other site could move it with a form or text/plain post (no CORS preflight for those), so a
 * browser request is taken only from the page origins listed in TALLY_CORS_ORIGINS.
 */
export function devClockRoutes(app: Hono<AppEnv>, deps: AppDeps, clock: DevClock): void {
  const allowed = new Set(deps.corsOrigins);
  apiRoute(app, deps, 'setDevClock', async (c, input) => {
    const origin = header(c, 'origin');
    if (origin !== undefined && !allowed.has(origin)) {
      throw new ApiError('forbidden', 'The dev clock takes no requests from other sites’ pages');
    }
    const body = await input.body();
    const now = 'now' in body ? clock.set(new Date(body.now)) : clock.advance(body.advance);
    return c.json(checked(DevClockResultSchema, { now: now.toISOString() }));
  });
  apiRoute(app, deps, 'getDevClock', (c) => c.json({ now: clock.now().toISOString() }));
}
