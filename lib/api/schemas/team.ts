import * as z from '../zod.ts';
import { CreditsSchema, IdSchema, InstantSchema, UsdSchema } from './decimal.ts';
import { MemberSchema } from './operator.ts';
import { PlanChangeSchema } from './plan-change.ts';
import { RoleSchema, SnapshotSchema } from './snapshot.ts';

// The team: members with what they used this term, the usage summary, and upgrade requests.

/** A member as an admin sees it in `GET /v1/members`: its plan credits and overage this term. */
export const TeamMemberSchema = z.object({
  id: IdSchema,
  name: z.string(),
  role: RoleSchema,
  usedThisCycle: CreditsSchema,
  overageUsdThisCycle: UsdSchema,
});

export const TeamMembersSchema = z.object({ members: z.array(TeamMemberSchema) });

export const UpdateMemberRequestSchema = z.strictObject({ role: RoleSchema });

export const UpdateMemberResultSchema = z.object({ member: MemberSchema });

export const SummaryGroupingSchema = z.enum(['day', 'operation', 'member', 'day,operation']);

/** `GET /v1/usage/summary`: `[from, to)`, the current term when left out. */
export const UsageSummaryQuerySchema = z.strictObject({
  from: z.exactOptional(InstantSchema),
  to: z.exactOptional(InstantSchema),
  by: z._default(SummaryGroupingSchema, 'day'),
});

export const UsageGroupSchema = z.object({
  /** A UTC date, YYYY-MM-DD. */
  day: z.exactOptional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'))),
  operation: z.exactOptional(IdSchema),
  memberId: z.exactOptional(IdSchema),
  /** Operations: the quantities of usage and captures. */
  count: z.int().check(z.minimum(0)),
  /** Plan credits used. */
  credits: CreditsSchema,
  overageCredits: CreditsSchema,
  amountUsd: UsdSchema,
});

export const UsageSummarySchema = z.object({
  from: InstantSchema,
  to: InstantSchema,
  groups: z.array(UsageGroupSchema),
});

export const UpgradeRequestStatusSchema = z.enum(['open', 'approved', 'declined', 'replaced']);

const NoteSchema = z.string().check(z.minLength(1), z.maxLength(500));

export const UpgradeRequestSchema = z.object({
  id: IdSchema,
  memberId: IdSchema,
  planId: IdSchema,
  note: z.nullable(z.string()),
  status: UpgradeRequestStatusSchema,
  at: InstantSchema,
  decidedAt: z.nullable(InstantSchema),
  decidedBy: z.nullable(IdSchema),
  reason: z.nullable(z.string()),
});

export const CreateUpgradeRequestSchema = z.strictObject({
  planId: IdSchema,
  note: z.exactOptional(NoteSchema),
});

export const UpgradeRequestResultSchema = z.object({ request: UpgradeRequestSchema });

export const UpgradeRequestsQuerySchema = z.strictObject({
  status: z.exactOptional(UpgradeRequestStatusSchema),
});

export const UpgradeRequestsSchema = z.object({ requests: z.array(UpgradeRequestSchema) });

export const ApproveUpgradeRequestSchema = z.strictObject({});

/** `201` of approving: the request and the plan change, exactly as `POST /v1/plan-changes`. */
export const ApprovedUpgradeSchema = z.object({
  request: UpgradeRequestSchema,
  change: PlanChangeSchema,
  snapshot: SnapshotSchema,
});

export const DeclineUpgradeRequestSchema = z.strictObject({
  reason: z.exactOptional(NoteSchema),
});

/** The operator's view of an account's members. */
export const AccountMembersSchema = z.object({ members: z.array(MemberSchema) });

export const AccountMemberParamSchema = z.strictObject({ id: IdSchema, memberId: IdSchema });

export const RotationRequestSchema = z.strictObject({});

/** A member's new token (the old one stops working); the only time it is shown. */
export const RotatedTokenSchema = z.object({ token: z.string().check(z.minLength(1)) });

export type TeamMember = z.infer<typeof TeamMemberSchema>;
export type TeamMembers = z.infer<typeof TeamMembersSchema>;
export type SummaryGrouping = z.infer<typeof SummaryGroupingSchema>;
export type UsageGroup = z.infer<typeof UsageGroupSchema>;
export type UsageSummary = z.infer<typeof UsageSummarySchema>;
export type UpgradeRequest = z.infer<typeof UpgradeRequestSchema>;
export type UpgradeRequestStatus = z.infer<typeof UpgradeRequestStatusSchema>;
export type CreateUpgradeRequest = z.infer<typeof CreateUpgradeRequestSchema>;
export type ApprovedUpgrade = z.infer<typeof ApprovedUpgradeSchema>;
