import type { ErrorCode } from './schemas/errors.ts';
import * as s from './schemas/index.ts';
import type * as z from './zod.ts';

// API.md's endpoints. Bodies and answers are the schemas the server validates them with, each
// named in `openapi-components.ts`; `openapi.ts` turns this table into paths, adding auth and
// the error answers. The server registers each of its API routes by the `operationId` of an
// entry here (server/api-route.ts), so a route cannot be served without being described, nor
// at another path, method or auth.

export interface RouteSpec {
  /** camelCase: generated clients use it as the method name (`getMe`, `recordUsage`). */
  operationId: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  description?: string;
  auth: 'none' | 'member' | 'operator';
  /** A state-changing POST: Idempotency-Key required. */
  keyed?: boolean;
  /** The request body's schema; the handler reads the body with it (server/api-route.ts). */
  body?: z.ZodMiniType;
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  status: 200 | 201 | 202 | 204;
  /** The answer's schema; none for an answer without a body (202, 204). */
  answer?: z.ZodMiniType;
  /** The answer's media type when it is not JSON. */
  mediaType?: string;
  /** The refusals of this route, besides those `openapi.ts` adds from auth, key and input. */
  errors?: readonly ErrorCode[];
}

const uncovered: ErrorCode[] = ['overage_required', 'overage_blocked'];

export const routes = [
  {
    operationId: 'getHealth',
    method: 'get',
    path: '/v1/health',
    summary: 'Liveness and version',
    auth: 'none',
    status: 200,
    answer: s.HealthSchema,
  },
  {
    operationId: 'getCatalog',
    method: 'get',
    path: '/v1/catalog',
    summary: 'Operations and plans',
    auth: 'member',
    status: 200,
    answer: s.CatalogSchema,
  },
  {
    operationId: 'getMe',
    method: 'get',
    path: '/v1/me',
    summary: "The caller's account, plan, term and credits",
    auth: 'member',
    status: 200,
    answer: s.SnapshotSchema,
  },
  {
    operationId: 'createQuote',
    method: 'post',
    path: '/v1/quotes',
    summary: 'What an operation would cost now (changes nothing)',
    auth: 'member',
    body: s.QuoteRequestSchema,
    status: 200,
    answer: s.QuoteSchema,
  },
  {
    operationId: 'recordUsage',
    method: 'post',
    path: '/v1/usage',
    summary: 'Record usage of an operation',
    auth: 'member',
    keyed: true,
    body: s.UsageRequestSchema,
    status: 201,
    answer: s.UsageResultSchema,
    errors: uncovered,
  },
  {
    operationId: 'createHold',
    method: 'post',
    path: '/v1/holds',
    summary: 'Reserve credits for a running operation',
    auth: 'member',
    keyed: true,
    body: s.HoldRequestSchema,
    status: 201,
    answer: s.HoldResultSchema,
    errors: uncovered,
  },
  {
    operationId: 'captureHold',
    method: 'post',
    path: '/v1/holds/{id}/capture',
    summary: 'Debit what the operation used; the rest returns',
    auth: 'member',
    keyed: true,
    params: s.IdParamSchema,
    body: s.CaptureRequestSchema,
    status: 200,
    answer: s.CaptureResultSchema,
    errors: ['not_found', 'hold_not_pending', 'capture_exceeds_hold'],
  },
  {
    operationId: 'releaseHold',
    method: 'post',
    path: '/v1/holds/{id}/release',
    summary: 'Return everything a hold reserved',
    auth: 'member',
    keyed: true,
    params: s.IdParamSchema,
    body: s.ReleaseRequestSchema,
    status: 200,
    answer: s.HoldResultSchema,
    errors: ['not_found', 'hold_not_pending'],
  },
  {
    operationId: 'previewPlanChange',
    method: 'post',
    path: '/v1/plan-changes/preview',
    summary: 'What changing plan now would do (changes nothing)',
    auth: 'member',
    body: s.PlanChangeRequestSchema,
    status: 200,
    answer: s.PlanChangePreviewSchema,
    errors: ['not_found'],
  },
  {
    operationId: 'changePlan',
    method: 'post',
    path: '/v1/plan-changes',
    summary: 'Change plan now (admin only)',
    auth: 'member',
    keyed: true,
    body: s.PlanChangeRequestSchema,
    status: 201,
    answer: s.PlanChangeResultSchema,
    errors: ['forbidden', 'not_found'],
  },
  {
    operationId: 'setOveragePolicy',
    method: 'put',
    path: '/v1/overage-policy',
    summary: 'Set the overage policy and cap (admin only; PUT is idempotent, no key)',
    auth: 'member',
    body: s.OveragePolicyRequestSchema,
    status: 200,
    answer: s.SnapshotSchema,
    errors: ['forbidden'],
  },
  {
    operationId: 'listLedgerEntries',
    method: 'get',
    path: '/v1/ledger',
    summary: 'Ledger entries, newest first',
    auth: 'member',
    query: s.PageQuerySchema,
    status: 200,
    answer: s.LedgerPageSchema,
  },
  {
    operationId: 'listCharges',
    method: 'get',
    path: '/v1/charges',
    summary: 'Charges, newest first',
    auth: 'member',
    query: s.PageQuerySchema,
    status: 200,
    answer: s.ChargesPageSchema,
  },
  {
    operationId: 'streamEvents',
    method: 'get',
    path: '/v1/events',
    summary: "Server-sent events: the account's Snapshot after every change",
    description:
      '`event: snapshot`, `id: <version>`, `data: <Snapshot JSON>`; a comment line every 15 s. ' +
      'Send `Last-Event-ID` to resume.',
    auth: 'member',
    status: 200,
    answer: s.SnapshotSchema,
    mediaType: 'text/event-stream',
  },
  {
    operationId: 'createAccount',
    method: 'post',
    path: '/v1/accounts',
    summary: 'Open an account (operator)',
    auth: 'operator',
    keyed: true,
    body: s.CreateAccountRequestSchema,
    status: 201,
    answer: s.CreateAccountResultSchema,
    errors: ['not_found'],
  },
  {
    operationId: 'createMember',
    method: 'post',
    path: '/v1/accounts/{id}/members',
    summary: 'Add a member; the only time its token is shown (operator)',
    auth: 'operator',
    keyed: true,
    params: s.IdParamSchema,
    body: s.CreateMemberRequestSchema,
    status: 201,
    answer: s.CreateMemberResultSchema,
    errors: ['not_found'],
  },
  {
    operationId: 'createWebhookEndpoint',
    method: 'post',
    path: '/v1/webhook-endpoints',
    summary: 'Register a webhook endpoint; the only time its secret is shown (operator)',
    auth: 'operator',
    keyed: true,
    body: s.CreateWebhookEndpointRequestSchema,
    status: 201,
    answer: s.CreateWebhookEndpointResultSchema,
  },
  {
    operationId: 'listWebhookEndpoints',
    method: 'get',
    path: '/v1/webhook-endpoints',
    summary: 'The webhook endpoints (operator)',
    auth: 'operator',
    status: 200,
    answer: s.WebhookEndpointsSchema,
  },
  {
    operationId: 'deleteWebhookEndpoint',
    method: 'delete',
    path: '/v1/webhook-endpoints/{id}',
    summary: 'Delete a webhook endpoint: it gets nothing more (operator)',
    auth: 'operator',
    params: s.WebhookEndpointParamSchema,
    status: 204,
    errors: ['not_found'],
  },
  {
    operationId: 'listWebhookDeliveries',
    method: 'get',
    path: '/v1/webhook-endpoints/{id}/deliveries',
    summary: "An endpoint's delivery attempts, newest first (operator)",
    auth: 'operator',
    params: s.WebhookEndpointParamSchema,
    query: s.PageQuerySchema,
    status: 200,
    answer: s.WebhookDeliveriesPageSchema,
    errors: ['not_found'],
  },
  {
    operationId: 'retryWebhookDelivery',
    method: 'post',
    path: '/v1/webhook-endpoints/{id}/deliveries/{eventId}/retry',
    summary: 'Deliver an event to the endpoint again, now (operator)',
    auth: 'operator',
    keyed: true,
    params: s.WebhookRetryParamSchema,
    body: s.WebhookRetryRequestSchema,
    status: 202,
    answer: s.WebhookRetryResultSchema,
    errors: ['not_found'],
  },
  {
    operationId: 'setDevClock',
    method: 'post',
    path: '/v1/dev/clock',
    summary: 'Set or advance the clock (TALLY_DEV_CLOCK=1 only; never backwards)',
    description:
      'No key needed. A browser page may call it only from an origin in TALLY_CORS_ORIGINS ' +
      '(403 otherwise). Without TALLY_DEV_CLOCK=1 the route does not exist (404).',
    auth: 'none',
    body: s.DevClockRequestSchema,
    status: 200,
    answer: s.DevClockResultSchema,
    errors: ['forbidden', 'not_found'],
  },
  {
    operationId: 'getDevClock',
    method: 'get',
    path: '/v1/dev/clock',
    summary: "The server's time (TALLY_DEV_CLOCK=1 only)",
    description: 'Without TALLY_DEV_CLOCK=1 the route does not exist (404).',
    auth: 'none',
    status: 200,
    answer: s.DevClockResultSchema,
    errors: ['not_found'],
  },
  {
    operationId: 'getOpenApiDocument',
    method: 'get',
    path: '/v1/openapi.json',
    summary: 'This document',
    auth: 'none',
    status: 200,
    answer: s.OpenApiDocumentSchema,
  },
] as const satisfies readonly RouteSpec[];

/** The name of an operation of the document; the server registers its handler by it. */
export type OperationId = (typeof routes)[number]['operationId'];
