import type { Hono } from 'hono';
import {
  CreateWebhookEndpointResultSchema,
  WebhookDeliveriesPageSchema,
  WebhookEndpointParamSchema,
  WebhookEndpointsSchema,
  WebhookRetryParamSchema,
  WebhookRetryResultSchema,
} from '../../lib/api/schemas/webhooks.ts';
import { apiRoute } from '../api-route.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { operatorScope } from '../ledger/ledger.ts';
import { idempotencyKey, respondOnce } from '../respond-once.ts';
import { checked, valid } from '../validate.ts';

const noEndpoint = () => new ApiError('not_found', 'No such webhook endpoint');

/** The operator's webhook endpoints and their deliveries (docs/api.md "Webhooks"). */
export function webhookRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  apiRoute(app, deps, 'createWebhookEndpoint', async (c, input) => {
    const key = idempotencyKey(c);
    const body = await input.body();
    return respondOnce(deps, c, operatorScope, key, body, async (tx) => {
      const { secret, ...endpoint } = tx.addWebhookEndpoint(body);
      return {
        status: 201,
        body: checked(CreateWebhookEndpointResultSchema, { endpoint, secret }),
        // The secret is kept for signing only: a replay cannot show it again.
        replayBody: { endpoint, secret: null },
      };
    });
  });

  apiRoute(app, deps, 'listWebhookEndpoints', async (c) =>
    c.json(checked(WebhookEndpointsSchema, { endpoints: await deps.outbox.endpoints() })),
  );

  apiRoute(app, deps, 'deleteWebhookEndpoint', async (c) => {
    const { id } = valid(WebhookEndpointParamSchema, c.req.param(), 'path');
    if (!(await deps.outbox.deleteEndpoint(id, deps.clock.now().toISOString()))) {
      throw noEndpoint();
    }
    return c.body(null, 204);
  });

  apiRoute(app, deps, 'listWebhookDeliveries', async (c, input) => {
    const { id } = valid(WebhookEndpointParamSchema, c.req.param(), 'path');
    const query = input.query();
    if (!(await deps.outbox.endpointExists(id))) throw noEndpoint();
    const page = await deps.outbox.deliveriesPage(id, query);
    return c.json(
      checked(WebhookDeliveriesPageSchema, { deliveries: page.items, next: page.next }),
    );
  });

  apiRoute(app, deps, 'retryWebhookDelivery', async (c, input) => {
    const { id, eventId } = valid(WebhookRetryParamSchema, c.req.param(), 'path');
    const key = idempotencyKey(c);
    const body = await input.body();
    return respondOnce(deps, c, operatorScope, key, body, async (tx) => {
      const retry = await tx.retryWebhookDelivery(id, eventId);
      if (retry === 'no_endpoint') throw noEndpoint();
      if (retry === 'no_delivery') {
        throw new ApiError('not_found', 'No such event for this webhook endpoint');
      }
      return { status: 202, body: checked(WebhookRetryResultSchema, {}) };
    });
  });
}
