import type { Hono } from 'hono';
import { UsageSummarySchema } from '../../lib/api/schemas/team.ts';
import { describeAccount } from '../../lib/billing/index.ts';
import { apiRoute } from '../api-route.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { summarizeUsage } from '../ledger/usage-summary.ts';
import { checked } from '../validate.ts';

/** Who used what, when: the account's usage (a member's own) grouped, in exact decimals. */
export function usageSummaryRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  apiRoute(app, deps, 'getUsageSummary', async (c, input) => {
    const query = input.query();
    const caller = c.get('member');
    const state = await deps.ledger.settled(caller.accountId);
    const { cycle } = describeAccount(state, deps.catalog);
    const from = new Date(query.from ?? cycle.start).toISOString();
    const to = new Date(query.to ?? cycle.end).toISOString();
    if (from >= to) {
      throw new ApiError('invalid_request', '"from" must be before "to"', {
        issues: [{ path: 'from', code: 'invalid_range', message: '"from" must be before "to"' }],
      });
    }
    const mine = caller.role === 'admin' ? undefined : caller.id;
    const rows = await deps.ledger.usageRows(caller.accountId, { from, to }, mine);
    const summary = { from, to, groups: summarizeUsage(rows, query.by) };
    return c.json(checked(UsageSummarySchema, summary));
  });
}
