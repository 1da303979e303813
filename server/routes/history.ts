import type { Hono } from 'hono';
import { ChargesPageSchema } from '../../lib/api/schemas/charge.ts';
import { LedgerPageSchema } from '../../lib/api/schemas/entry.ts';
import { apiRoute } from '../api-route.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { checked } from '../validate.ts';

/** The account's ledger entries and charges, newest first, paged with `before` cursors. */
export function historyRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  apiRoute(app, deps, 'listLedgerEntries', async (c, input) => {
    const query = input.query();
    const accountId = c.get('member').accountId;
    await deps.ledger.settled(accountId);
    const page = await deps.ledger.ledgerPage(accountId, query);
    return c.json(checked(LedgerPageSchema, { entries: page.items, next: page.next }));
  });

  apiRoute(app, deps, 'listCharges', async (c, input) => {
    const query = input.query();
    const accountId = c.get('member').accountId;
    await deps.ledger.settled(accountId);
    const page = await deps.ledger.chargesPage(accountId, query);
    return c.json(checked(ChargesPageSchema, { charges: page.items, next: page.next }));
  });
}
