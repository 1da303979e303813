import { type CallOptions, request, type Transport } from './request.ts';
import type { LedgerPage } from './schemas/entry.ts';
import type { Catalog } from './schemas/plan.ts';
import type { PlanChangePreview } from './schemas/plan-change.ts';
import type { OveragePolicyRequest, PlanChangeRequest } from './schemas/requests.ts';
import type { PlanChangeResult } from './schemas/responses.ts';
import type { Snapshot } from './schemas/snapshot.ts';
import type { WireCheck } from './shape-check.ts';

/** How each answer is checked: zod schemas in the API client, shapes in the embed. */
export interface MemberAnswerChecks {
  snapshot: WireCheck<Snapshot>;
  catalog: WireCheck<Catalog>;
  planChangePreview: WireCheck<PlanChangePreview>;
  planChangeResult: WireCheck<PlanChangeResult>;
  ledgerPage: WireCheck<LedgerPage>;
}

export interface PageOptions {
  limit?: number;
  /** The `next` cursor of the previous page. */
  before?: string;
}

/**
 * The calls a member's widget makes (balance, catalog, plan change, overage policy, ledger),
 * apart from the full client so that the embed ships them without zod.
 */
export function memberRequests(transport: Transport, checks: MemberAnswerChecks) {
  return {
    me: (o?: CallOptions) =>
      request(transport, { method: 'GET', path: 'v1/me', schema: checks.snapshot }, o),
    catalog: (o?: CallOptions) =>
      request(transport, { method: 'GET', path: 'v1/catalog', schema: checks.catalog }, o),
    previewPlanChange: (body: PlanChangeRequest, o?: CallOptions) =>
      request(
        transport,
        {
          method: 'POST',
          path: 'v1/plan-changes/preview',
          body,
          idempotent: false,
          schema: checks.planChangePreview,
        },
        o,
      ),
    changePlan: (body: PlanChangeRequest, o?: CallOptions) =>
      request(
        transport,
        {
          method: 'POST',
          path: 'v1/plan-changes',
          body,
          idempotent: true,
          schema: checks.planChangeResult,
        },
        o,
      ),
    /** PUT is idempotent by itself: no key (docs/api.md). */
    setOveragePolicy: (body: OveragePolicyRequest, o?: CallOptions) =>
      request(
        transport,
        { method: 'PUT', path: 'v1/overage-policy', body, schema: checks.snapshot },
        o,
      ),
    ledger: (page: PageOptions = {}, o?: CallOptions) =>
      request(
        transport,
        { method: 'GET', path: 'v1/ledger', query: { ...page }, schema: checks.ledgerPage },
        o,
      ),
  };
}
