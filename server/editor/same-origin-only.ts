import type { Context, MiddlewareHandler } from 'hono';

/**
 * The demo editor's backend acts for a demo member with that member's token, so any request
 * that reaches it spends that member's credits. Only the editor page itself may call it: a page
 * on another site (or another port of this host: same-site, not same-origin) could otherwise
 * run operations with overage "accept", or read a demo token. Browsers say where a request
 * comes from in Sec-Fetch-Site; one that does not can post across sites only as a "simple"
 * request (a form, text/plain), so a POST must be JSON, which needs a CORS preflight this
 * backend never grants. Clients that are not browsers send neither header and pass.
 */
export function sameOriginOnly(refuse: (c: Context, status: 403 | 415) => Response) {
  const guard: MiddlewareHandler = async (c, next) => {
    const site = c.req.header('Sec-Fetch-Site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return refuse(c, 403);
    if (c.req.method === 'POST' && !isJson(c.req.header('Content-Type'))) return refuse(c, 415);
    await next();
  };
  return guard;
}

function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}
