import type { Hono } from 'hono';
import { UsageResultSchema } from '../../lib/api/schemas/responses.ts';
import { apiRoute } from '../api-route.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { refusalError } from '../errors.ts';
import { idempotencyKey, refused, respondOnce } from '../respond-once.ts';
import { checked } from '../validate.ts';

export function usageRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  apiRoute(app, deps, 'recordUsage', async (c, input) => {
    const member = c.get('member');
    const key = idempotencyKey(c);
    const body = await input.body();
    return respondOnce(deps, c, member.accountId, key, body, async (tx) => {
      const { applied, entries } = await tx.apply(member.accountId, {
        kind: 'usage',
        memberId: member.id,
        ...body,
      });
      if (!applied.ok) return refused(refusalError(applied.refusal));
      if (applied.effect.kind !== 'usage') throw new Error('usage did not record usage');
      const result = {
        entry: entries[applied.effect.entryIndex],
        snapshot: await deps.ledger.snapshot(applied.state, member.id, tx),
      };
      return { status: 201, body: checked(UsageResultSchema, result) };
    });
  });
}
