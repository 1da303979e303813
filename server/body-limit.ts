import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from './errors.ts';

/** API.md: bodies over 64 KiB are refused with 413. */
export const maxBodyBytes = 64 * 1024;

const tooLarge = () => new ApiError('payload_too_large', 'The body is over 64 KiB');

/**
 * Refuses bodies over the limit. A declared Content-Length is checked up front (node's parser
 * then reads exactly that many bytes); only a chunked body needs hono's counting stream.
 */
export function limitBody(): MiddlewareHandler {
  const counting = bodyLimit({
    maxSize: maxBodyBytes,
    onError: () => {
      throw tooLarge();
    },
  });
  return async (c, next) => {
    const length = c.req.header('content-length');
    if (length !== undefined) {
      if (Number(length) > maxBodyBytes) throw tooLarge();
      return next();
    }
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return counting(c, next);
  };
}
