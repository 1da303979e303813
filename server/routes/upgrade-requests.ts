import type { Hono } from 'hono';
import { IdParamSchema } from '../../lib/api/schemas/requests.ts';
import {
  ApprovedUpgradeSchema,
  UpgradeRequestResultSchema,
  UpgradeRequestsSchema,
} from '../../lib/api/schemas/team.ts';
import { apiRoute } from '../api-route.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError, refusalError } from '../errors.ts';
import { approveUpgrade, declineUpgrade, requestUpgrade } from '../ledger/upgrade-requests.ts';
import { idempotencyKey, refused, respondOnce } from '../respond-once.ts';
import { checked, valid } from '../validate.ts';

/** A member asks an admin for a plan; the admin approves (the plan change) or declines. */
export function upgradeRequestRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const now = () => deps.clock.now().toISOString();

  apiRoute(app, deps, 'createUpgradeRequest', async (c, input) => {
    const member = c.get('member');
    const key = idempotencyKey(c);
    const body = await input.body();
    return respondOnce(deps, c, member.accountId, key, body, async (tx) => {
      const request = await requestUpgrade(tx, member, body, {
        catalog: deps.catalog,
        now: now(),
      });
      return { status: 201, body: checked(UpgradeRequestResultSchema, { request }) };
    });
  });

  // Admins see the account's requests; a member its own.
  apiRoute(app, deps, 'listUpgradeRequests', async (c, input) => {
    const member = c.get('member');
    const query = input.query();
    const requests = await deps.ledger.upgradeRequests(member.accountId, {
      status: query.status,
      memberId: member.role === 'admin' ? undefined : member.id,
    });
    return c.json(checked(UpgradeRequestsSchema, { requests }));
  });

  apiRoute(app, deps, 'approveUpgradeRequest', async (c, input) => {
    const member = c.get('member');
    const { id } = valid(IdParamSchema, c.req.param(), 'path');
    const key = idempotencyKey(c);
    const body = await input.body();
    return respondOnce(deps, c, member.accountId, key, body, async (tx) => {
      const result = await approveUpgrade(tx, member, id, now());
      if ('refusal' in result) {
        return refused(new ApiError(result.refusal.code, result.refusal.message));
      }
      const { applied } = result.outcome;
      if (!applied.ok) return refused(refusalError(applied.refusal));
      if (applied.effect.kind !== 'change-plan') throw new Error('approval did not change plan');
      const answer = {
        request: result.request,
        change: applied.effect.preview,
        snapshot: await deps.ledger.snapshot(applied.state, member.id, tx),
      };
      return { status: 201, body: checked(ApprovedUpgradeSchema, answer) };
    });
  });

  apiRoute(app, deps, 'declineUpgradeRequest', async (c, input) => {
    const member = c.get('member');
    const { id } = valid(IdParamSchema, c.req.param(), 'path');
    const key = idempotencyKey(c);
    const body = await input.body();
    return respondOnce(deps, c, member.accountId, key, body, async (tx) => {
      const result = await declineUpgrade(tx, member, id, body.reason, now());
      if ('refusal' in result) {
        return refused(new ApiError(result.refusal.code, result.refusal.message));
      }
      return { status: 200, body: checked(UpgradeRequestResultSchema, result) };
    });
  });
}
