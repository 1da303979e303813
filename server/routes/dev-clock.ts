import type { Hono } from 'hono';
import { DevClockRequestSchema, DevClockResultSchema } from '../../lib/api/schemas/operator.ts';
import type { DevClock } from '../clock.ts';
import type { AppEnv } from '../deps.ts';
import { checked, readBody } from '../validate.ts';

/** Only mounted with TALLY_DEV_CLOCK=1; no key needed (API.md). */
export function devClockRoutes(app: Hono<AppEnv>, clock: DevClock): void {
  app.post('/v1/dev/clock', async (c) => {
    const body = await readBody(c, DevClockRequestSchema);
    const now = 'now' in body ? clock.set(new Date(body.now)) : clock.advance(body.advance);
    return c.json(checked(DevClockResultSchema, { now: now.toISOString() }));
  });
  app.get('/v1/dev/clock', (c) => c.json({ now: clock.now().toISOString() }));
}
