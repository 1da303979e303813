import type { Hono } from 'hono';
import { SnapshotSchema } from '../../lib/api/schemas/snapshot.ts';
import { apiRoute } from '../api-route.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { refusalError } from '../errors.ts';
import { checked } from '../validate.ts';

export function overagePolicyRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  // PUT sets a value, so repeating it is harmless: no Idempotency-Key (API.md).
  apiRoute(app, deps, 'setOveragePolicy', async (c, input) => {
    const member = c.get('member');
    const body = await input.body();
    const snapshot = await deps.ledger.atomically(member.accountId, async (tx) => {
      const { applied } = await tx.apply(member.accountId, {
        kind: 'set-overage-policy',
        memberId: member.id,
        role: member.role,
        policy: body.policy,
        capUsd: body.capUsd,
      });
      if (!applied.ok) return refusalError(applied.refusal);
      return checked(SnapshotSchema, deps.ledger.snapshot(applied.state, member.id));
    });
    // A refusal is thrown only after the commit: renewals that were due stay applied.
    if (snapshot instanceof Error) throw snapshot;
    return c.json(snapshot);
  });
}
