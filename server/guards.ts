import type { MiddlewareHandler } from 'hono';
import { bearerToken, hashToken, isOperatorKey } from './auth.ts';
import type { AppDeps, AppEnv } from './deps.ts';
import { ApiError } from './errors.ts';
import { header } from './header.ts';

function limit(deps: AppDeps, key: string): void {
  const wait = deps.rateLimiter.take(key);
  if (wait > 0) {
    throw new ApiError('rate_limited', `Too many requests; retry in ${wait} s`, {
      retryAfterSeconds: wait,
    });
  }
}

/** A member's bearer token: the member acts for one account only. Rate-limited per token. */
export function memberAuth(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(header(c, 'authorization'));
    const tokenHash = token ? hashToken(token) : null;
    const member = tokenHash ? await deps.ledger.findMemberByTokenHash(tokenHash) : null;
    if (!tokenHash || !member) {
      throw new ApiError(
        'unauthorized',
        'A valid member token is needed (Authorization: Bearer tly_…)',
      );
    }
    limit(deps, tokenHash);
    c.set('member', member);
    c.set('tokenHash', tokenHash);
    await next();
  };
}

/** The operator key (TALLY_OPERATOR_KEY): the vendor's own backend. */
export function operatorAuth(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(header(c, 'authorization'));
    if (!token || !isOperatorKey(token, deps.operatorKey)) {
      throw new ApiError(
        'unauthorized',
        'The operator key is needed (Authorization: Bearer <TALLY_OPERATOR_KEY>)',
      );
    }
    limit(deps, 'operator');
    await next();
  };
}
