import type { MiddlewareHandler } from 'hono';

/**
 * Headers every answer carries (docs/api.md, "Server settings"). `nosniff`: a browser takes each
 * answer as the type it says, never guesses a script or a page out of JSON or text.
 * `frame-ancestors 'self'`: a page of this server may be framed only by its own pages; framed
 * by another site, it could be laid under a decoy so that a real click lands on "Pay" or "Run".
 * Set before the route runs (every c.json/c.html/c.body takes them), so a debit's answer is not
 * rebuilt to add them; on a JSON answer the frame rule is simply moot.
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Content-Security-Policy', "frame-ancestors 'self'");
    await next();
  };
}
