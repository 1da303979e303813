// The demo editor's own backend: what a vendor's server does around Tally. It acts for the demo
// member the page picked and records usage through the billing API with that member's token,
// which never reaches the page (except through the demo-only session route below).

import type { Context } from 'hono';
import { Hono } from 'hono';
import { ApiError } from '../../lib/api/errors.ts';
import { IdSchema, QuantitySchema } from '../../lib/api/schemas/decimal.ts';
import { IdempotencyKeySchema, OverageChoiceSchema } from '../../lib/api/schemas/requests.ts';
import { z } from '../../lib/api/zod.ts';
import { bodyText } from '../body-text.ts';
import { billingClientFor } from './billing-client.ts';
import { demoMemberKey, demoMemberKeySchema } from './demo-member.ts';
import type { EditorDemo, EditorDeps } from './deps.ts';
import { sameOriginOnly } from './same-origin-only.ts';

const OperationRequestSchema = z.strictObject({
  operation: IdSchema,
  quantity: QuantitySchema,
  overage: OverageChoiceSchema,
  as: demoMemberKeySchema,
});

/** Usage entries shown in the page's activity log when it opens. */
const RECENT_ENTRIES = 20;

export function editorApiRoutes(deps: EditorDeps): Hono {
  const api = new Hono();
  const { demo } = deps;

  api.use('*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    if (!demo) return c.json(editorError('not_found', 'This server has no demo data.'), 404);
    await next();
  });
  api.use(
    '*',
    sameOriginOnly((c, status) =>
      status === 403
        ? c.json(
            editorError('forbidden', 'The demo editor’s backend is for its own page only.'),
            403,
          )
        : c.json(
            editorError('unsupported_media_type', 'Send JSON (Content-Type: application/json).'),
            415,
          ),
    ),
  );

  // With no demo account the middleware above answers every request with 404.
  if (!demo) return api;

  // The acting member's Snapshot, the operations' names and the account's recent usage.
  api.get('/account', async (c) => {
    const member = memberFor(demo, c.req.query('as'));
    if (!member) return badMember(c);
    const client = billingClientFor(deps.billing, member.token);
    try {
      const [snapshot, catalog, ledger] = await Promise.all([
        client.me(),
        client.catalog(),
        client.ledger({ limit: RECENT_ENTRIES }),
      ]);
      const recent = ledger.entries.filter((entry) => entry.kind === 'usage');
      const members = Object.values(demo.members).map(({ id, name }) => ({ id, name }));
      return c.json({ snapshot, operations: catalog.operations, recent, members });
    } catch (error) {
      return billingFailure(c, error);
    }
  });

  // Runs an operation: records its usage for the acting member. The page sends overage
  // "accept" only after the Tally widget reported the user's consent.
  api.post('/operations', async (c) => {
    // bodyText stops at 64 KiB (413): the page never sends more than a few dozen bytes.
    const body = OperationRequestSchema.safeParse(jsonOrUndefined(await bodyText(c)));
    if (!body.success) {
      return c.json(
        editorError('invalid_request', 'operation, quantity, overage and as are required.', {
          issues: body.error.issues,
        }),
        400,
      );
    }
    const key = IdempotencyKeySchema.safeParse(c.req.header('Idempotency-Key'));
    const member = demo.members[body.data.as];
    const { as: _, ...usage } = body.data;
    try {
      const result = await billingClientFor(deps.billing, member.token).recordUsage(
        usage,
        key.success ? { idempotencyKey: key.data } : {},
      );
      return c.json(result, 201);
    } catch (error) {
      return billingFailure(c, error);
    }
  });

  /*
   * DEMO ONLY. Hands the page a member token so the embedded widget's getToken() can use it.
   * A real vendor returns a token for the member who is signed in to its own app, from its own
   * session, and never lets the page pick whom to act as. Here anyone who can load the demo
   * editor could read either demo token: acceptable for a local demo account, never in production.
   * Cross-site reads are refused (sameOriginOnly above) and nothing is cached.
   */
  api.get('/session', (c) => {
    const member = memberFor(demo, c.req.query('as'));
    if (!member) return badMember(c);
    return c.json({ token: member.token, member: { id: member.id, name: member.name } });
  });

  return api;
}

function memberFor(demo: EditorDemo | null, written: string | undefined) {
  const key = demoMemberKey(written);
  return demo && key ? demo.members[key] : null;
}

function jsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function badMember(c: Context) {
  return c.json(editorError('invalid_request', 'as must be "ada" or "milo".'), 400);
}

function editorError(code: string, message: string, details?: Record<string, unknown>) {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

/** Passes the billing API's error through unchanged: the page shows the server's own answer. */
function billingFailure(c: Context, error: unknown) {
  if (error instanceof ApiError) {
    const details = Object.keys(error.details).length > 0 ? error.details : undefined;
    return c.json(editorError(error.code, error.message, details), error.status as 400);
  }
  console.error('demo editor: the billing API failed', error);
  return c.json(editorError('internal', 'The billing API did not answer as expected.'), 502);
}
