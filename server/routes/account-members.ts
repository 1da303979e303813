import type { Hono } from 'hono';
import { IdParamSchema } from '../../lib/api/schemas/requests.ts';
import {
  AccountMemberParamSchema,
  AccountMembersSchema,
  RotatedTokenSchema,
} from '../../lib/api/schemas/team.ts';
import { apiRoute } from '../api-route.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { operatorScope } from '../ledger/ledger.ts';
import { removeMember, rotateToken } from '../ledger/team-commands.ts';
import { idempotencyKey, respondOnce } from '../respond-once.ts';
import { checked, valid } from '../validate.ts';

/** The vendor's backend manages an account's members: list, remove, and replace a token. */
export function accountMemberRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  apiRoute(app, deps, 'listAccountMembers', async (c) => {
    const { id } = valid(IdParamSchema, c.req.param(), 'path');
    await deps.ledger.settled(id);
    const members = (await deps.ledger.members(id)).map(({ id, name, role }) => ({
      id,
      name,
      role,
    }));
    return c.json(checked(AccountMembersSchema, { members }));
  });

  apiRoute(app, deps, 'removeAccountMember', async (c) => {
    const { id, memberId } = valid(AccountMemberParamSchema, c.req.param(), 'path');
    const now = deps.clock.now().toISOString();
    const result = await deps.ledger.atomically(id, (tx) =>
      removeMember(tx, id, 'operator', memberId, now),
    );
    if ('refusal' in result) throw new ApiError(result.refusal.code, result.refusal.message);
    return c.body(null, 204);
  });

  apiRoute(app, deps, 'rotateMemberToken', async (c, input) => {
    const { id, memberId } = valid(AccountMemberParamSchema, c.req.param(), 'path');
    const key = idempotencyKey(c);
    const body = await input.body();
    return respondOnce(deps, c, operatorScope, key, { id, memberId, body }, async (tx) => {
      const token = await rotateToken(tx, id, memberId);
      return {
        status: 201,
        body: checked(RotatedTokenSchema, { token }),
        // Tokens are kept only as hashes, so a replay cannot show it again.
        replayBody: { token: null },
      };
    });
  });
}
