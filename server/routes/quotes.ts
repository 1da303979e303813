import type { Hono } from 'hono';
import { QuoteSchema } from '../../lib/api/schemas/quote.ts';
import { accountQuote, findPlan } from '../../lib/billing/index.ts';
import { apiRoute } from '../api-route.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { checked } from '../validate.ts';

export function quoteRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  // A quote changes nothing, so it needs no Idempotency-Key.
  apiRoute(app, deps, 'createQuote', async (c, input) => {
    const body = await input.body();
    const state = await deps.ledger.settled(c.get('member').accountId);
    // The same quote apply() decides by (overage promised to pending holds counts against the cap).
    const plan = findPlan(deps.catalog, state.planId);
    const answer = accountQuote(state, plan, body.operation, body.quantity);
    return c.json(checked(QuoteSchema, answer));
  });
}
