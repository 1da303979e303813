import type { Hono } from 'hono';
import { IdParamSchema } from '../../lib/api/schemas/requests.ts';
import { TeamMembersSchema, UpdateMemberResultSchema } from '../../lib/api/schemas/team.ts';
import { describeAccount } from '../../lib/billing/index.ts';
import { apiRoute } from '../api-route.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { changeRole, removeMember } from '../ledger/team-commands.ts';
import { summarizeUsage } from '../ledger/usage-summary.ts';
import { checked, valid } from '../validate.ts';

/** The team: who is in it and what each used this term; an admin changes roles and removes. */
export function memberRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  // An admin sees every member; a member only itself (docs/api.md).
  apiRoute(app, deps, 'listMembers', async (c) => {
    const caller = c.get('member');
    const state = await deps.ledger.settled(caller.accountId);
    const { cycle } = describeAccount(state, deps.catalog);
    const mine = caller.role === 'admin' ? undefined : caller.id;
    const [members, rows] = await Promise.all([
      deps.ledger.members(caller.accountId),
      deps.ledger.usageRows(caller.accountId, { from: cycle.start, to: cycle.end }, mine),
    ]);
    const used = new Map(summarizeUsage(rows, 'member').map((group) => [group.memberId, group]));
    const shown = members
      .filter(({ id }) => mine === undefined || id === mine)
      .map(({ id, name, role }) => ({
        id,
        name,
        role,
        usedThisCycle: used.get(id)?.credits ?? '0',
        overageUsdThisCycle: used.get(id)?.amountUsd ?? '0.00',
      }));
    return c.json(checked(TeamMembersSchema, { members: shown }));
  });

  apiRoute(app, deps, 'updateMember', async (c, input) => {
    const caller = c.get('member');
    const { id } = valid(IdParamSchema, c.req.param(), 'path');
    const body = await input.body();
    const result = await deps.ledger.atomically(caller.accountId, (tx) =>
      changeRole(tx, caller.accountId, caller, id, body.role),
    );
    if ('refusal' in result) throw new ApiError(result.refusal.code, result.refusal.message);
    const { member } = result;
    const shown = { member: { id: member.id, name: member.name, role: member.role } };
    return c.json(checked(UpdateMemberResultSchema, shown));
  });

  // The removed member's tokens fail from the commit on, and its streams end (main.ts wires
  // the ledger's revocations to the event hub); its ledger entries stay.
  apiRoute(app, deps, 'removeMember', async (c) => {
    const caller = c.get('member');
    const { id } = valid(IdParamSchema, c.req.param(), 'path');
    const now = deps.clock.now().toISOString();
    const result = await deps.ledger.atomically(caller.accountId, (tx) =>
      removeMember(tx, caller.accountId, caller, id, now),
    );
    if ('refusal' in result) throw new ApiError(result.refusal.code, result.refusal.message);
    return c.body(null, 204);
  });
}
