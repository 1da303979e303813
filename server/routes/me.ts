import type { Hono } from 'hono';
import { SnapshotSchema } from '../../lib/api/schemas/snapshot.ts';
import { apiRoute } from '../api-route.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { checked } from '../validate.ts';

export function meRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  // Reading settles the account: renewals and hold expiries that were due are applied first.
  apiRoute(app, deps, 'getMe', async (c) => {
    const member = c.get('member');
    const state = await deps.ledger.settled(member.accountId);
    return c.json(checked(SnapshotSchema, await deps.ledger.snapshot(state, member.id)));
  });
}
