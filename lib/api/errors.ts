/** Every error code of docs/api.md with its HTTP status. */
export const errorStatus = {
  invalid_request: 400,
  idempotency_key_required: 400,
  unauthorized: 401,
  overage_required: 402,
  overage_blocked: 402,
  forbidden: 403,
  not_found: 404,
  idempotency_in_flight: 409,
  hold_not_pending: 409,
  last_admin: 409,
  request_not_open: 409,
  payload_too_large: 413,
  misdirected_request: 421,
  idempotency_conflict: 422,
  capture_exceeds_hold: 422,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** The server answered with an error of docs/api.md's table. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    /** From `Retry-After`, when the server sent one. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }

  /** 402 overage_required: the user may consent and retry with `overage: "accept"`. */
  get isOverageRequired(): boolean {
    return this.code === 'overage_required';
  }

  /** 402 overage_blocked: only an upgrade (or a higher cap) gets past it. */
  get isOverageBlocked(): boolean {
    return this.code === 'overage_blocked';
  }

  /** Either 402: the operation is not covered by the available credits. */
  get isOverage(): boolean {
    return this.isOverageRequired || this.isOverageBlocked;
  }
}

/** The request never got an HTTP answer: offline, DNS, refused, reset. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The server answered, but not with what docs/api.md promises (bad JSON, wrong shape). */
export class InvalidResponseError extends Error {
  override readonly name = 'InvalidResponseError';

  constructor(
    message: string,
    readonly status: number,
    readonly issues: unknown[] = [],
  ) {
    super(message);
  }
}

/** The code an error body should have carried, for answers without one (a proxy's 502). */
export function codeForStatus(status: number): ErrorCode {
  const match = (Object.keys(errorStatus) as ErrorCode[]).find((c) => errorStatus[c] === status);
  return match ?? 'internal';
}

export function isApiError(error: unknown, code?: ErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
