import type { ApiError } from './errors.ts';
import { memberRequests, type PageOptions } from './member-requests.ts';
import { type ApiClientOptions, type CallOptions, request, transportFor } from './request.ts';
import { ChargesPageSchema } from './schemas/charge.ts';
import { LedgerPageSchema } from './schemas/entry.ts';
import {
  type CreateAccountRequest,
  CreateAccountResultSchema,
  type CreateMemberRequest,
  CreateMemberResultSchema,
  type DevClockRequest,
  DevClockResultSchema,
} from './schemas/operator.ts';
import { CatalogSchema } from './schemas/plan.ts';
import { PlanChangePreviewSchema } from './schemas/plan-change.ts';
import { type Quote, QuoteSchema } from './schemas/quote.ts';
import type {
  CaptureRequest,
  HoldRequestSchema,
  QuoteRequest,
  UsageRequestSchema,
} from './schemas/requests.ts';
import {
  CaptureResultSchema,
  HealthSchema,
  HoldResultSchema,
  PlanChangeResultSchema,
  UsageResultSchema,
} from './schemas/responses.ts';
import { SnapshotSchema } from './schemas/snapshot.ts';
import {
  ApprovedUpgradeSchema,
  type SummaryGrouping,
  TeamMembersSchema,
  UpdateMemberResultSchema,
  UpgradeRequestResultSchema,
  UpgradeRequestsSchema,
  UsageSummarySchema,
} from './schemas/team.ts';
import { teamRequests } from './team-requests.ts';
import * as z from './zod.ts';

export type { ApiClientOptions, CallOptions, PageOptions };
export type ApiClient = ReturnType<typeof createApiClient>;

/** A typed client of docs/api.md: every answer is checked by its schema before it is returned. */
export function createApiClient(options: ApiClientOptions) {
  const transport = transportFor(options);
  const post = (path: string, body: unknown, idempotent: boolean) => ({
    method: 'POST' as const,
    path,
    body,
    idempotent,
  });
  const hold = (id: string) => `v1/holds/${encodeURIComponent(id)}`;

  return {
    ...memberRequests(transport, {
      snapshot: SnapshotSchema,
      catalog: CatalogSchema,
      planChangePreview: PlanChangePreviewSchema,
      planChangeResult: PlanChangeResultSchema,
      ledgerPage: LedgerPageSchema,
    }),
    ...teamRequests(transport, {
      members: TeamMembersSchema,
      member: UpdateMemberResultSchema,
      request: UpgradeRequestResultSchema,
      requests: UpgradeRequestsSchema,
      approved: ApprovedUpgradeSchema,
      none: z.null(),
    }),
    health: (o?: CallOptions) =>
      request(
        { ...transport, getToken: undefined },
        { method: 'GET', path: 'v1/health', schema: HealthSchema },
        o,
      ),
    /** Changes nothing, so it needs no key. */
    quote: (body: QuoteRequest, o?: CallOptions) =>
      request(transport, { ...post('v1/quotes', body, false), schema: QuoteSchema }, o),
    recordUsage: (body: z.input<typeof UsageRequestSchema>, o?: CallOptions) =>
      request(transport, { ...post('v1/usage', body, true), schema: UsageResultSchema }, o),
    reserve: (body: z.input<typeof HoldRequestSchema>, o?: CallOptions) =>
      request(transport, { ...post('v1/holds', body, true), schema: HoldResultSchema }, o),
    capture: (holdId: string, body: CaptureRequest = {}, o?: CallOptions) =>
      request(
        transport,
        { ...post(`${hold(holdId)}/capture`, body, true), schema: CaptureResultSchema },
        o,
      ),
    release: (holdId: string, o?: CallOptions) =>
      request(
        transport,
        { ...post(`${hold(holdId)}/release`, {}, true), schema: HoldResultSchema },
        o,
      ),
    charges: (page: PageOptions = {}, o?: CallOptions) =>
      request(
        transport,
        { method: 'GET', path: 'v1/charges', query: { ...page }, schema: ChargesPageSchema },
        o,
      ),

    /** The current term's usage (a member's own, an admin's account) grouped `by`. */
    usageSummary: (by: SummaryGrouping, o?: CallOptions) =>
      request(
        transport,
        { method: 'GET', path: 'v1/usage/summary', query: { by }, schema: UsageSummarySchema },
        o,
      ),

    // Operator endpoints: `getToken` must give the operator key.
    createAccount: (body: CreateAccountRequest, o?: CallOptions) =>
      request(
        transport,
        { ...post('v1/accounts', body, true), schema: CreateAccountResultSchema },
        o,
      ),
    createMember: (accountId: string, body: CreateMemberRequest, o?: CallOptions) =>
      request(
        transport,
        {
          ...post(`v1/accounts/${encodeURIComponent(accountId)}/members`, body, true),
          schema: CreateMemberResultSchema,
        },
        o,
      ),
    /** Only on a server started with TALLY_DEV_CLOCK=1. */
    setDevClock: (body: DevClockRequest, o?: CallOptions) =>
      request(
        transport,
        // `advance` twice is not `advance` once: never repeated.
        { ...post('v1/dev/clock', body, false), retryable: false, schema: DevClockResultSchema },
        o,
      ),
  };
}

/**
 * The quote a 402 carries in `details.quote`, when it is a valid Quote. A function beside the
 * full client, not a getter of ApiError: the embed has ApiError too, and no use for a quote
 * schema in its budget.
 */
export function overageQuoteOf(error: ApiError): Quote | undefined {
  const parsed = QuoteSchema.safeParse(error.details.quote);
  return parsed.success ? parsed.data : undefined;
}
