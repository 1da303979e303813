import * as s from './schemas/index.ts';
import type * as z from './zod.ts';

// The named schemas of the OpenAPI document. Requests are described as the server accepts
// them (defaults optional), answers as the server sends them; leaves are shared by both.

type Named = Record<string, z.ZodMiniType>;

export const leafComponents: Named = {
  Credits: s.CreditsSchema,
  SignedCredits: s.SignedCreditsSchema,
  Usd: s.UsdSchema,
  SignedUsd: s.SignedUsdSchema,
  Instant: s.InstantSchema,
  Quantity: s.QuantitySchema,
  IdempotencyKey: s.IdempotencyKeySchema,
  Role: s.RoleSchema,
  OveragePolicy: s.OveragePolicySchema,
  OverageChoice: s.OverageChoiceSchema,
  ErrorCode: s.ErrorCodeSchema,
  SummaryGrouping: s.SummaryGroupingSchema,
  UpgradeRequestStatus: s.UpgradeRequestStatusSchema,
  Duration: s.DurationSchema,
};

export const requestComponents: Named = {
  QuoteRequest: s.QuoteRequestSchema,
  UsageRequest: s.UsageRequestSchema,
  HoldRequest: s.HoldRequestSchema,
  CaptureRequest: s.CaptureRequestSchema,
  ReleaseRequest: s.ReleaseRequestSchema,
  PlanChangeRequest: s.PlanChangeRequestSchema,
  OveragePolicyRequest: s.OveragePolicyRequestSchema,
  CreateAccountRequest: s.CreateAccountRequestSchema,
  CreateMemberRequest: s.CreateMemberRequestSchema,
  DevClockRequest: s.DevClockRequestSchema,
  UpdateMemberRequest: s.UpdateMemberRequestSchema,
  CreateUpgradeRequest: s.CreateUpgradeRequestSchema,
  ApproveUpgradeRequest: s.ApproveUpgradeRequestSchema,
  DeclineUpgradeRequest: s.DeclineUpgradeRequestSchema,
  RotationRequest: s.RotationRequestSchema,
};

export const responseComponents: Named = {
  Operation: s.OperationSchema,
  Plan: s.PlanSchema,
  Catalog: s.CatalogSchema,
  OverageState: s.OverageStateSchema,
  Snapshot: s.SnapshotSchema,
  Quote: s.QuoteSchema,
  Entry: s.EntrySchema,
  LedgerPage: s.LedgerPageSchema,
  Charge: s.ChargeSchema,
  ChargesPage: s.ChargesPageSchema,
  Hold: s.HoldSchema,
  PlanChangePreview: s.PlanChangePreviewSchema,
  Health: s.HealthSchema,
  UsageResult: s.UsageResultSchema,
  HoldResult: s.HoldResultSchema,
  CaptureResult: s.CaptureResultSchema,
  PlanChangeResult: s.PlanChangeResultSchema,
  Account: s.AccountSchema,
  CreateAccountResult: s.CreateAccountResultSchema,
  Member: s.MemberSchema,
  CreateMemberResult: s.CreateMemberResultSchema,
  DevClock: s.DevClockResultSchema,
  TeamMember: s.TeamMemberSchema,
  TeamMembers: s.TeamMembersSchema,
  UpdateMemberResult: s.UpdateMemberResultSchema,
  UsageGroup: s.UsageGroupSchema,
  UsageSummary: s.UsageSummarySchema,
  UpgradeRequest: s.UpgradeRequestSchema,
  UpgradeRequestResult: s.UpgradeRequestResultSchema,
  UpgradeRequests: s.UpgradeRequestsSchema,
  ApprovedUpgrade: s.ApprovedUpgradeSchema,
  AccountMembers: s.AccountMembersSchema,
  RotatedToken: s.RotatedTokenSchema,
  Error: s.ErrorBodySchema,
};
