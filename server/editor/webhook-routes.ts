// The demo editor's webhook receiver (/editor/webhooks): one button points the demo's webhooks
// at this server's own inbox, which verifies each arrival as a vendor's backend would, and the
// page lists them. The operator key stays on the server: the page only asks this backend.

import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import { webhookEventTypes } from '../../lib/api/schemas/webhooks.ts';
import { bodyText } from '../body-text.ts';
import { IN_PROCESS } from './billing-client.ts';
import { editorScript } from './client-bundle.ts';
import type { EditorDeps } from './deps.ts';
import { WebhookInbox } from './webhook-inbox.ts';

const INBOX_PATH = '/editor/webhooks/inbox';

export function editorWebhookRoutes(deps: EditorDeps): Hono {
  const app = new Hono();
  const inbox = new WebhookInbox();

  /** The billing API's operator endpoints, in-process, with the key this server was given. */
  const operator = async (path: string, init: RequestInit = {}) => {
    const response = await deps.billing(
      new Request(`${IN_PROCESS}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${deps.operatorKey}`,
          'content-type': 'application/json',
          ...(init.method === 'POST' ? { 'idempotency-key': randomUUID() } : {}),
        },
      }),
    );
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return response.status === 204 ? null : response.json();
  };

  // The receiver: Tally's sender POSTs here like to any vendor's endpoint.
  app.post(INBOX_PATH, async (c) => {
    const body = await bodyText(c);
    inbox.receive(body, c.req.header(), new Date());
    return c.body(null, 204);
  });

  app.get('/editor/webhooks', async (c) =>
    c.html(await readFile(new URL('./public/webhooks.html', import.meta.url), 'utf8')),
  );
  app.get('/editor/webhooks.js', async (c) =>
    c.body(await editorScript('webhooks-page'), 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'no-cache',
    }),
  );

  // Under /editor/api: same-origin JSON only, and only with a demo (api-routes.ts's guards).
  app.get('/editor/api/webhooks', (c) =>
    c.json({ endpointId: inbox.endpointId, arrivals: inbox.list() }),
  );

  app.post('/editor/api/webhooks/connect', async (c) => {
    const url = new URL(INBOX_PATH, c.req.url).href;
    // An endpoint left here by an earlier start: its secret is forgotten, so it goes.
    const { endpoints } = (await operator('/v1/webhook-endpoints')) as {
      endpoints: { id: string; url: string }[];
    };
    for (const old of endpoints.filter((endpoint) => endpoint.url === url)) {
      await operator(`/v1/webhook-endpoints/${old.id}`, { method: 'DELETE' });
    }
    const created = (await operator('/v1/webhook-endpoints', {
      method: 'POST',
      body: JSON.stringify({ url, events: webhookEventTypes }),
    })) as { endpoint: { id: string }; secret: string };
    inbox.connect(created.endpoint.id, created.secret);
    return c.json({ endpointId: inbox.endpointId, arrivals: inbox.list() });
  });

  return app;
}
