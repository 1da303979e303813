import type { Hono } from 'hono';
import {
  CreateAccountResultSchema,
  CreateMemberResultSchema,
} from '../../lib/api/schemas/operator.ts';
import { IdParamSchema } from '../../lib/api/schemas/requests.ts';
import { apiRoute } from '../api-route.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { operatorScope } from '../ledger/ledger.ts';
import { idempotencyKey, respondOnce } from '../respond-once.ts';
import { checked, valid } from '../validate.ts';

export function accountRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  apiRoute(app, deps, 'createAccount', async (c, input) => {
    const key = idempotencyKey(c);
    const body = await input.body();
    return respondOnce(deps, c, operatorScope, key, body, async (tx) => {
      const state = await tx.openAccount({
        name: body.name,
        planId: body.planId,
        startAt: body.startAt ?? deps.clock.now().toISOString(),
      });
      const account = { id: state.id, name: state.name, planId: state.planId };
      return { status: 201, body: checked(CreateAccountResultSchema, { account }) };
    });
  });

  apiRoute(app, deps, 'createMember', async (c, input) => {
    const accountId = valid(IdParamSchema, c.req.param(), 'path').id;
    const key = idempotencyKey(c);
    const body = await input.body();
    return respondOnce(deps, c, operatorScope, key, body, async (tx) => {
      const { member, token } = await tx.addMember(accountId, body);
      const shown = { member: { id: member.id, name: member.name, role: member.role }, token };
      return {
        status: 201,
        body: checked(CreateMemberResultSchema, shown),
        // Tokens are kept only as hashes, so a replay cannot show it again.
        replayBody: { member: shown.member, token: null },
      };
    });
  });
}
