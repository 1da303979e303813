// The one protocol between the background worker and its UIs (popup, extension pages, the
// editor content script). Every request is checked against these schemas on arrival and
// every request type names the contexts allowed to send it: a content script runs beside
// untrusted page scripts, so it gets read-only views and nothing that spends or reconfigures.
import type { Entry } from '../api/schemas/entry.ts';
import { type Catalog, PlanSchema } from '../api/schemas/plan.ts';
import type { PlanChangePreview } from '../api/schemas/plan-change.ts';
import { type Snapshot, SnapshotSchema } from '../api/schemas/snapshot.ts';
import type { TeamMember, UpgradeRequest, UsageSummary } from '../api/schemas/team.ts';
import { z } from '../api/zod.ts';
import type { Plan, Quote } from '../billing/types.ts';
import type { SnapshotFacts } from '../store/credit-math.ts';
import type { ConsentAnswer, ConsentAsk } from './consent-requests.ts';
import type { PublicState } from './public-state.ts';
import type { Settings } from './settings-item.ts';

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const planId = text(100);
const operation = text(100);
const requestId = z.string().check(z.regex(/^[0-9a-f-]{36}$/));
const objectId = text(200);
const decimalText = z.string().check(z.regex(/^\d+(\.\d+)?$/));

export const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('get-state') }),
  z.object({ type: z.literal('refresh') }),
  z.object({ type: z.literal('catalog') }),
  z.object({ type: z.literal('preview-plan-change'), planId }),
  z.object({
    type: z.literal('usage-recorded'),
    operation,
    quantity: z.int().check(z.positive(), z.lte(10_000)),
  }),
  z.object({
    type: z.literal('open-consent'),
    operation,
    quantity: z.int().check(z.positive(), z.lte(10_000)),
  }),
  z.object({ type: z.literal('consent-outcome'), requestId }),
  z.object({ type: z.literal('withdraw-consent'), requestId }),
  z.object({ type: z.literal('claim-consent'), requestId }),
  z.object({
    type: z.literal('answer-consent'),
    requestId,
    decision: z.enum(['proceed', 'cancel']),
    overage: z.boolean(),
    receipt: z.optional(text(300)),
  }),
  // Billing math for the content script, on the snapshot it shows (credit-math.ts).
  z.object({ type: z.literal('facts'), snapshot: SnapshotSchema }),
  z.object({
    type: z.literal('quote'),
    snapshot: SnapshotSchema,
    operation,
    quantity: z.int().check(z.positive(), z.lte(10_000)),
  }),
  z.object({
    type: z.literal('upgrades'),
    snapshot: SnapshotSchema,
    plans: z.array(PlanSchema).check(z.maxLength(50)),
  }),
  z.object({ type: z.literal('ledger'), limit: z.optional(z.int().check(z.gte(1), z.lte(100))) }),
  z.object({ type: z.literal('change-plan'), planId }),
  z.object({
    type: z.literal('set-overage-policy'),
    policy: z.enum(['ask', 'auto']),
    capUsd: z.nullable(decimalText),
  }),
  z.object({
    type: z.literal('connect'),
    baseUrl: z.url({ protocol: /^https?$/ }).check(z.maxLength(500)),
    token: text(500),
  }),
  z.object({ type: z.literal('disconnect') }),
  z.object({ type: z.literal('team') }),
  z.object({ type: z.literal('usage-summary') }),
  z.object({ type: z.literal('request-upgrade'), planId, note: z.optional(text(500)) }),
  z.object({ type: z.literal('approve-upgrade'), upgradeRequestId: objectId }),
  z.object({
    type: z.literal('decline-upgrade'),
    upgradeRequestId: objectId,
    reason: z.optional(text(500)),
  }),
  z.object({ type: z.literal('set-role'), memberId: objectId, role: z.enum(['admin', 'member']) }),
  z.object({ type: z.literal('remove-member'), memberId: objectId }),
  z.object({ type: z.literal('get-settings') }),
  z.object({
    type: z.literal('save-settings'),
    editorMatches: z.array(text(300)).check(z.maxLength(50)),
  }),
]);

export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];
/** The request of one type. */
export type RequestOf<K extends RequestType> = Extract<Request, { type: K }>;

/** Who the token belongs to, as the popup shows it after connecting; never the token. */
export interface Connected {
  member: Snapshot['member'];
  account: Pick<Snapshot['account'], 'id' | 'name'>;
}

/**
 * The team as the popup shows it: the members (an admin sees all, a member itself) and the
 * upgrade requests (an admin the open ones, a member its own, newest first).
 */
export interface Team {
  members: TeamMember[];
  requests: UpgradeRequest[];
}

/** Every request type has an entry: a map that misses one does not type-check. */
type EveryRequest<T extends Record<RequestType, unknown>> = T;

/**
 * What the worker answers to each request. The sender (`WorkerLink.request`) and the worker's
 * handlers both take their types from here, so a caller cannot choose what a reply is.
 */
export type Replies = EveryRequest<{
  'get-state': PublicState;
  refresh: PublicState;
  catalog: Catalog;
  'preview-plan-change': PlanChangePreview;
  'usage-recorded': null;
  'open-consent': string;
  'consent-outcome': ConsentAnswer;
  'withdraw-consent': null;
  'claim-consent': ConsentAsk;
  'answer-consent': null;
  facts: SnapshotFacts;
  quote: Quote | null;
  upgrades: Plan[];
  ledger: Entry[];
  'change-plan': Snapshot;
  'set-overage-policy': Snapshot;
  connect: Connected;
  disconnect: null;
  team: Team;
  /** This term's usage by day and operation: the usage chart's data. */
  'usage-summary': UsageSummary;
  'request-upgrade': UpgradeRequest;
  'approve-upgrade': Snapshot;
  'decline-upgrade': UpgradeRequest;
  'set-role': null;
  'remove-member': null;
  'get-settings': Settings;
  'save-settings': Settings;
}>;

export type SenderContext = 'extension-page' | 'content-script';

/** Who may send what. Privileged actions (spend, plan, policy, connection) are extension pages only. */
export const REQUEST_ACCESS: Record<RequestType, readonly SenderContext[]> = {
  'get-state': ['extension-page', 'content-script'],
  refresh: ['extension-page', 'content-script'],
  catalog: ['extension-page', 'content-script'],
  'preview-plan-change': ['extension-page', 'content-script'],
  'usage-recorded': ['content-script'],
  // A content script asks for consent and hears the answer; only the consent page, an
  // extension page framed into the same tab, reads the request and answers it.
  'open-consent': ['content-script'],
  'consent-outcome': ['content-script'],
  'withdraw-consent': ['content-script'],
  'claim-consent': ['extension-page'],
  'answer-consent': ['extension-page'],
  // Pure arithmetic on what the sender already has: nothing is read or changed.
  facts: ['extension-page', 'content-script'],
  quote: ['extension-page', 'content-script'],
  upgrades: ['extension-page', 'content-script'],
  ledger: ['extension-page'],
  'change-plan': ['extension-page'],
  'set-overage-policy': ['extension-page'],
  connect: ['extension-page'],
  disconnect: ['extension-page'],
  // The team and its requests: extension pages only (the popup, the consent page).
  team: ['extension-page'],
  'usage-summary': ['extension-page'],
  'request-upgrade': ['extension-page'],
  'approve-upgrade': ['extension-page'],
  'decline-upgrade': ['extension-page'],
  'set-role': ['extension-page'],
  'remove-member': ['extension-page'],
  'get-settings': ['extension-page'],
  'save-settings': ['extension-page'],
};

/** Every answer has this envelope; `code` is the API's error code when there is one. */
export type Reply<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: string; message: string } };

/**
 * What the worker pushes on the live port; never the token. `refused`: this sender may not
 * talk to the worker (not an allowed editor page); the port closes after it.
 */
export type LiveMessage =
  | { type: 'state'; state: PublicState }
  | { type: 'refused'; message: string };

/** A request sent over the live port; the worker answers with a `PortReply` of the same id. */
export const portRequestSchema = z.object({ id: z.int().check(z.gte(0)), request: z.unknown() });
export type PortRequest = { id: number; request: Request };
export type PortReply = { type: 'reply'; id: number; reply: Reply<unknown> };

/** Everything the worker posts on a live port. */
export type WorkerPortMessage = LiveMessage | PortReply;
