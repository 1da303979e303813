// The bare endpoint the ledger's HTTP throughput is compared with: Hono on @hono/node-server,
// a POST that parses its JSON body and answers 201 with a small JSON, nothing else.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.post('/v1/usage', async (c) => c.json({ received: await c.req.json() }, 201));
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(`TALLY_LISTENING http://127.0.0.1:${info.port}`);
});
