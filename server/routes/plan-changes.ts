import type { Hono } from 'hono';
import { PlanChangePreviewSchema } from '../../lib/api/schemas/plan-change.ts';
import { PlanChangeResultSchema } from '../../lib/api/schemas/responses.ts';
import { previewPlanChange } from '../../lib/billing/index.ts';
import { apiRoute } from '../api-route.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { refusalError } from '../errors.ts';
import { approveAskingFor } from '../ledger/upgrade-requests.ts';
import { idempotencyKey, refused, respondOnce } from '../respond-once.ts';
import { checked } from '../validate.ts';

export function planChangeRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  // Any member may look at what a change would do; only an admin may make it (lib/billing decides).
  apiRoute(app, deps, 'previewPlanChange', async (c, input) => {
    const body = await input.body();
    const state = await deps.ledger.settled(c.get('member').accountId);
    const preview = previewPlanChange(
      state,
      body.planId,
      deps.clock.now().toISOString(),
      deps.catalog,
    );
    return c.json(checked(PlanChangePreviewSchema, preview));
  });

  apiRoute(app, deps, 'changePlan', async (c, input) => {
    const member = c.get('member');
    const key = idempotencyKey(c);
    const body = await input.body();
    return respondOnce(deps, c, member.accountId, key, body, async (tx) => {
      const { applied } = await tx.apply(member.accountId, {
        kind: 'change-plan',
        memberId: member.id,
        role: member.role,
        planId: body.planId,
      });
      if (!applied.ok) return refused(refusalError(applied.refusal));
      if (applied.effect.kind !== 'change-plan') throw new Error('change-plan did not change plan');
      await approveAskingFor(tx, member, body.planId, deps.clock.now().toISOString());
      const result = {
        change: applied.effect.preview,
        snapshot: await deps.ledger.snapshot(applied.state, member.id, tx),
      };
      return { status: 201, body: checked(PlanChangeResultSchema, result) };
    });
  });
}
