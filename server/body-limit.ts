import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from './errors.ts';
import { header } from './header.ts';

/** docs/api.md: bodies over 64 KiB are refused with 413. */
export const maxBodyBytes = 64 * 1024;

export const tooLarge = () => new ApiError('payload_too_large', 'The body is over 64 KiB');

/**
 * Refuses bodies over the limit. A declared Content-Length is checked up front (node's parser
 * then reads exactly that many bytes); a chunked body is counted as it is read (body-text.ts,
 * or hono's counting stream for a Request that did not come from node).
 */
export function limitBody(): MiddlewareHandler {
  const counting = bodyLimit({
    maxSize: maxBodyBytes,
    onError: () => {
      throw tooLarge();
    },
  });
  return async (c, next) => {
    const length = header(c, 'content-length');
    if (length !== undefined) {
      if (Number(length) > maxBodyBytes) throw tooLarge();
      return next();
    }
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if ((c.env as { incoming?: unknown } | undefined)?.incoming) return next();
    return counting(c, next);
  };
}
