import type { Context, Hono } from 'hono';
import { SnapshotSchema } from '../../lib/api/schemas/snapshot.ts';
import type { Command } from '../../lib/billing/types.ts';
import { apiRoute } from '../api-route.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { refusalError } from '../errors.ts';
import { checked } from '../validate.ts';

/** Applies an admin's setting and answers the Snapshot after it. */
async function applySetting(c: Context<AppEnv>, deps: AppDeps, command: Command) {
  const member = c.get('member');
  const snapshot = await deps.ledger.atomically(member.accountId, async (tx) => {
    const { applied } = await tx.apply(member.accountId, command);
    if (!applied.ok) return refusalError(applied.refusal);
    return checked(SnapshotSchema, await deps.ledger.snapshot(applied.state, member.id, tx));
  });
  // A refusal is thrown only after the commit: renewals that were due stay applied.
  if (snapshot instanceof Error) throw snapshot;
  return c.json(snapshot);
}

/** The account's settings an admin sets with PUT: repeating one is harmless, so no Idempotency-Key (docs/api.md). */
export function accountSettingRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  apiRoute(app, deps, 'setOveragePolicy', async (c, input) => {
    const { id: memberId, role } = c.get('member');
    const { policy, capUsd } = await input.body();
    return applySetting(c, deps, {
      kind: 'set-overage-policy',
      memberId,
      role,
      policy,
      capUsd,
    });
  });
  apiRoute(app, deps, 'setAlertThresholds', async (c, input) => {
    const { id: memberId, role } = c.get('member');
    const { thresholds } = await input.body();
    return applySetting(c, deps, { kind: 'set-alert-thresholds', memberId, role, thresholds });
  });
}
