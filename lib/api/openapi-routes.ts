import type { RouteConfig } from '@asteasolutions/zod-to-openapi';
import * as s from './schemas/index.ts';
import { z } from './zod.ts';

// API.md's endpoints as route descriptions; `openapi.ts` adds the error answers and auth.

type Auth = 'none' | 'member' | 'operator';
export interface RouteSpec {
  route: RouteConfig;
  auth: Auth;
  errors: s.ErrorCode[];
}

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const answer = (description: string, schema: z.ZodType) => ({ description, ...json(schema) });
const body = (schema: z.ZodType) => ({ required: true, ...json(schema) });
const keyHeader = z.object({ 'Idempotency-Key': s.IdempotencyKeySchema });
const holdParams = z.object({ id: s.IdSchema });
const pageQuery = z.object({
  limit: z.number().int().min(1).max(200).optional(),
  before: z.string().optional().meta({ description: 'the `next` cursor of the previous page' }),
});
const uncovered: s.ErrorCode[] = ['overage_required', 'overage_blocked'];
const keyed: s.ErrorCode[] = [
  'idempotency_key_required',
  'idempotency_in_flight',
  'idempotency_conflict',
];

export const routes: RouteSpec[] = [
  {
    auth: 'none',
    errors: [],
    route: {
      method: 'get',
      path: '/v1/health',
      summary: 'Liveness and version',
      responses: { 200: answer('The server is up', s.HealthSchema) },
    },
  },
  {
    auth: 'member',
    errors: [],
    route: {
      method: 'get',
      path: '/v1/catalog',
      summary: 'Operations and plans',
      responses: { 200: answer('The catalogue', s.CatalogSchema) },
    },
  },
  {
    auth: 'member',
    errors: [],
    route: {
      method: 'get',
      path: '/v1/me',
      summary: "The caller's account, member, plan, term and credits",
      responses: { 200: answer('The current Snapshot', s.SnapshotSchema) },
    },
  },
  {
    auth: 'member',
    errors: [],
    route: {
      method: 'post',
      path: '/v1/quotes',
      summary: 'What an operation would cost now (changes nothing)',
      request: { body: body(s.QuoteRequestSchema) },
      responses: { 200: answer('The quote', s.QuoteSchema) },
    },
  },
  {
    auth: 'member',
    errors: [...uncovered, ...keyed],
    route: {
      method: 'post',
      path: '/v1/usage',
      summary: 'Record usage of an operation',
      request: { headers: keyHeader, body: body(s.UsageRequestSchema) },
      responses: { 201: answer('Recorded', s.UsageResultSchema) },
    },
  },
  {
    auth: 'member',
    errors: [...uncovered, ...keyed],
    route: {
      method: 'post',
      path: '/v1/holds',
      summary: 'Reserve credits for a running operation',
      request: { headers: keyHeader, body: body(s.HoldRequestSchema) },
      responses: { 201: answer('Reserved', s.HoldResultSchema) },
    },
  },
  {
    auth: 'member',
    errors: ['not_found', 'hold_not_pending', 'capture_exceeds_hold', ...keyed],
    route: {
      method: 'post',
      path: '/v1/holds/{id}/capture',
      summary: 'Debit what the operation used; the rest returns to available',
      request: { params: holdParams, headers: keyHeader, body: body(s.CaptureRequestSchema) },
      responses: { 200: answer('Captured', s.CaptureResultSchema) },
    },
  },
  {
    auth: 'member',
    errors: ['not_found', 'hold_not_pending', ...keyed],
    route: {
      method: 'post',
      path: '/v1/holds/{id}/release',
      summary: 'Return everything a hold reserved',
      request: { params: holdParams, headers: keyHeader, body: body(s.ReleaseRequestSchema) },
      responses: { 200: answer('Released', s.HoldResultSchema) },
    },
  },
  {
    auth: 'member',
    errors: ['not_found'],
    route: {
      method: 'post',
      path: '/v1/plan-changes/preview',
      summary: 'What changing plan now would do (changes nothing)',
      request: { body: body(s.PlanChangeRequestSchema) },
      responses: { 200: answer('The preview', s.PlanChangePreviewSchema) },
    },
  },
  {
    auth: 'member',
    errors: ['forbidden', 'not_found', ...keyed],
    route: {
      method: 'post',
      path: '/v1/plan-changes',
      summary: 'Change plan now (admin only)',
      request: { headers: keyHeader, body: body(s.PlanChangeRequestSchema) },
      responses: { 201: answer('Changed', s.PlanChangeResultSchema) },
    },
  },
  {
    auth: 'member',
    errors: ['forbidden'],
    route: {
      method: 'put',
      path: '/v1/overage-policy',
      summary: 'Set the overage policy and cap (admin only; idempotent, no key)',
      request: { body: body(s.OveragePolicyRequestSchema) },
      responses: { 200: answer('The new Snapshot', s.SnapshotSchema) },
    },
  },
  {
    auth: 'member',
    errors: [],
    route: {
      method: 'get',
      path: '/v1/ledger',
      summary: 'Ledger entries, newest first',
      request: { query: pageQuery },
      responses: { 200: answer('One page of entries', s.LedgerPageSchema) },
    },
  },
  {
    auth: 'member',
    errors: [],
    route: {
      method: 'get',
      path: '/v1/charges',
      summary: 'Charges, newest first',
      request: { query: pageQuery },
      responses: { 200: answer('One page of charges', s.ChargesPageSchema) },
    },
  },
  {
    auth: 'member',
    errors: [],
    route: {
      method: 'get',
      path: '/v1/events',
      summary: "Server-sent events: the account's Snapshot after every change",
      description:
        '`event: snapshot`, `id: <version>`, `data: <Snapshot JSON>`; a comment line every 15 s. ' +
        'Send `Last-Event-ID` to resume.',
      request: { headers: z.object({ 'Last-Event-ID': z.string().optional() }) },
      responses: {
        200: {
          description: 'An event stream; each `data` is a Snapshot',
          content: { 'text/event-stream': { schema: s.SnapshotSchema } },
        },
      },
    },
  },
  {
    auth: 'operator',
    errors: ['not_found', ...keyed],
    route: {
      method: 'post',
      path: '/v1/accounts',
      summary: 'Open an account (operator)',
      request: { headers: keyHeader, body: body(s.CreateAccountRequestSchema) },
      responses: { 201: answer('Opened', s.CreateAccountResultSchema) },
    },
  },
  {
    auth: 'operator',
    errors: ['not_found', ...keyed],
    route: {
      method: 'post',
      path: '/v1/accounts/{id}/members',
      summary: 'Add a member; the only time its token is shown (operator)',
      request: {
        params: z.object({ id: s.IdSchema }),
        headers: keyHeader,
        body: body(s.CreateMemberRequestSchema),
      },
      responses: { 201: answer('Added', s.CreateMemberResultSchema) },
    },
  },
  {
    auth: 'operator',
    errors: [],
    route: {
      method: 'post',
      path: '/v1/dev/clock',
      summary: 'Set or advance the clock (only with TALLY_DEV_CLOCK=1; never backwards)',
      request: { body: body(s.DevClockRequestSchema) },
      responses: { 200: answer('The clock now', s.DevClockResultSchema) },
    },
  },
];
