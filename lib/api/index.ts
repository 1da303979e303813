// The wire contract of docs/api.md and its typed client. The OpenAPI document lives in
// `openapi.ts`, imported by the server only (it pulls a library no client should ship).
export {
  type ApiClient,
  type ApiClientOptions,
  createApiClient,
  overageQuoteOf,
  type PageOptions,
} from './client.ts';
export { ApiError, InvalidResponseError, isApiError, NetworkError } from './errors.ts';
export { type EventsStatus, type SubscribeEventsOptions, subscribeEvents } from './events.ts';
export { IDEMPOTENCY_KEY_HEADER, newIdempotencyKey } from './idempotency.ts';
export type { CallOptions } from './request.ts';
export { defaultRetry, type RetryOptions } from './retry.ts';
export * from './schemas/index.ts';
