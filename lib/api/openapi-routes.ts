import type { ErrorCode } from './schemas/errors.ts';
import { HoldIdParamSchema, PageQuerySchema } from './schemas/requests.ts';
import { WebhookEndpointParamSchema, WebhookRetryParamSchema } from './schemas/webhooks.ts';
import type * as z from './zod.ts';

// API.md's endpoints. Bodies and answers name components of `openapi-components.ts`;
// `openapi.ts` turns this table into paths, adding auth and the error answers.

export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  description?: string;
  auth: 'none' | 'member' | 'operator';
  /** A state-changing POST: Idempotency-Key required. */
  keyed?: boolean;
  body?: string;
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  status: 200 | 201 | 202 | 204;
  /** The answer's schema; none for a 204. */
  answer?: string;
  /** The answer's media type when it is not JSON. */
  mediaType?: string;
  errors?: ErrorCode[];
}

const uncovered: ErrorCode[] = ['overage_required', 'overage_blocked'];

export const routes: RouteSpec[] = [
  {
    method: 'get',
    path: '/v1/health',
    summary: 'Liveness and version',
    auth: 'none',
    status: 200,
    answer: 'Health',
  },
  {
    method: 'get',
    path: '/v1/catalog',
    summary: 'Operations and plans',
    auth: 'member',
    status: 200,
    answer: 'Catalog',
  },
  {
    method: 'get',
    path: '/v1/me',
    summary: "The caller's account, plan, term and credits",
    auth: 'member',
    status: 200,
    answer: 'Snapshot',
  },
  {
    method: 'post',
    path: '/v1/quotes',
    summary: 'What an operation would cost now (changes nothing)',
    auth: 'member',
    body: 'QuoteRequest',
    status: 200,
    answer: 'Quote',
  },
  {
    method: 'post',
    path: '/v1/usage',
    summary: 'Record usage of an operation',
    auth: 'member',
    keyed: true,
    body: 'UsageRequest',
    status: 201,
    answer: 'UsageResult',
    errors: uncovered,
  },
  {
    method: 'post',
    path: '/v1/holds',
    summary: 'Reserve credits for a running operation',
    auth: 'member',
    keyed: true,
    body: 'HoldRequest',
    status: 201,
    answer: 'HoldResult',
    errors: uncovered,
  },
  {
    method: 'post',
    path: '/v1/holds/{id}/capture',
    summary: 'Debit what the operation used; the rest returns',
    auth: 'member',
    keyed: true,
    params: HoldIdParamSchema,
    body: 'CaptureRequest',
    status: 200,
    answer: 'CaptureResult',
    errors: ['not_found', 'hold_not_pending', 'capture_exceeds_hold'],
  },
  {
    method: 'post',
    path: '/v1/holds/{id}/release',
    summary: 'Return everything a hold reserved',
    auth: 'member',
    keyed: true,
    params: HoldIdParamSchema,
    body: 'ReleaseRequest',
    status: 200,
    answer: 'HoldResult',
    errors: ['not_found', 'hold_not_pending'],
  },
  {
    method: 'post',
    path: '/v1/plan-changes/preview',
    summary: 'What changing plan now would do (changes nothing)',
    auth: 'member',
    body: 'PlanChangeRequest',
    status: 200,
    answer: 'PlanChangePreview',
    errors: ['not_found'],
  },
  {
    method: 'post',
    path: '/v1/plan-changes',
    summary: 'Change plan now (admin only)',
    auth: 'member',
    keyed: true,
    body: 'PlanChangeRequest',
    status: 201,
    answer: 'PlanChangeResult',
    errors: ['forbidden', 'not_found'],
  },
  {
    method: 'put',
    path: '/v1/overage-policy',
    summary: 'Set the overage policy and cap (admin only; PUT is idempotent, no key)',
    auth: 'member',
    body: 'OveragePolicyRequest',
    status: 200,
    answer: 'Snapshot',
    errors: ['forbidden'],
  },
  {
    method: 'get',
    path: '/v1/ledger',
    summary: 'Ledger entries, newest first',
    auth: 'member',
    query: PageQuerySchema,
    status: 200,
    answer: 'LedgerPage',
  },
  {
    method: 'get',
    path: '/v1/charges',
    summary: 'Charges, newest first',
    auth: 'member',
    query: PageQuerySchema,
    status: 200,
    answer: 'ChargesPage',
  },
  {
    method: 'get',
    path: '/v1/events',
    summary: "Server-sent events: the account's Snapshot after every change",
    description:
      '`event: snapshot`, `id: <version>`, `data: <Snapshot JSON>`; a comment line every 15 s. ' +
      'Send `Last-Event-ID` to resume.',
    auth: 'member',
    status: 200,
    answer: 'Snapshot',
    mediaType: 'text/event-stream',
  },
  {
    method: 'post',
    path: '/v1/accounts',
    summary: 'Open an account (operator)',
    auth: 'operator',
    keyed: true,
    body: 'CreateAccountRequest',
    status: 201,
    answer: 'CreateAccountResult',
    errors: ['not_found'],
  },
  {
    method: 'post',
    path: '/v1/accounts/{id}/members',
    summary: 'Add a member; the only time its token is shown (operator)',
    auth: 'operator',
    keyed: true,
    params: HoldIdParamSchema,
    body: 'CreateMemberRequest',
    status: 201,
    answer: 'CreateMemberResult',
    errors: ['not_found'],
  },
  {
    method: 'post',
    path: '/v1/webhook-endpoints',
    summary: 'Register a webhook endpoint; the only time its secret is shown (operator)',
    auth: 'operator',
    keyed: true,
    body: 'CreateWebhookEndpointRequest',
    status: 201,
    answer: 'CreateWebhookEndpointResult',
  },
  {
    method: 'get',
    path: '/v1/webhook-endpoints',
    summary: 'The webhook endpoints (operator)',
    auth: 'operator',
    status: 200,
    answer: 'WebhookEndpoints',
  },
  {
    method: 'delete',
    path: '/v1/webhook-endpoints/{id}',
    summary: 'Delete a webhook endpoint: it gets nothing more (operator)',
    auth: 'operator',
    params: WebhookEndpointParamSchema,
    status: 204,
    errors: ['not_found'],
  },
  {
    method: 'get',
    path: '/v1/webhook-endpoints/{id}/deliveries',
    summary: "An endpoint's delivery attempts, newest first (operator)",
    auth: 'operator',
    params: WebhookEndpointParamSchema,
    query: PageQuerySchema,
    status: 200,
    answer: 'WebhookDeliveriesPage',
    errors: ['not_found'],
  },
  {
    method: 'post',
    path: '/v1/webhook-endpoints/{id}/deliveries/{eventId}/retry',
    summary: 'Deliver an event to the endpoint again, now (operator)',
    auth: 'operator',
    keyed: true,
    params: WebhookRetryParamSchema,
    body: 'WebhookRetryRequest',
    status: 202,
    answer: 'WebhookRetryResult',
    errors: ['not_found'],
  },
  {
    method: 'post',
    path: '/v1/dev/clock',
    summary: 'Set or advance the clock (TALLY_DEV_CLOCK=1 only; never backwards)',
    auth: 'operator',
    body: 'DevClockRequest',
    status: 200,
    answer: 'DevClock',
  },
  {
    method: 'get',
    path: '/v1/dev/clock',
    summary: "The server's time (TALLY_DEV_CLOCK=1 only)",
    auth: 'none',
    status: 200,
    answer: 'DevClock',
  },
];
