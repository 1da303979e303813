import { type CallOptions, request, type Transport } from './request.ts';
import type { Snapshot } from './schemas/snapshot.ts';
import type {
  CreateUpgradeRequest,
  TeamMembers,
  UpgradeRequest,
  UpgradeRequestStatus,
} from './schemas/team.ts';
import type { WireCheck } from './shape-check.ts';

/** How each team answer is checked: zod schemas in the API client, shapes in the embed. */
export interface TeamAnswerChecks {
  members: WireCheck<TeamMembers>;
  member: WireCheck<unknown>;
  request: WireCheck<{ request: UpgradeRequest }>;
  requests: WireCheck<{ requests: UpgradeRequest[] }>;
  approved: WireCheck<{ request: UpgradeRequest; snapshot: Snapshot }>;
  /** A removal answers 204, read as null. */
  none: WireCheck<null>;
}

/** The team calls of docs/api.md (members, upgrade requests), apart so that the embed ships them without zod. */
export function teamRequests(transport: Transport, checks: TeamAnswerChecks) {
  const member = (id: string) => `v1/members/${encodeURIComponent(id)}`;
  const upgradeRequest = (id: string) => `v1/upgrade-requests/${encodeURIComponent(id)}`;
  const post = (path: string, body: unknown) => ({
    method: 'POST' as const,
    path,
    body,
    idempotent: true,
  });
  return {
    members: (o?: CallOptions) =>
      request(transport, { method: 'GET', path: 'v1/members', schema: checks.members }, o),
    updateMember: (id: string, body: { role: 'admin' | 'member' }, o?: CallOptions) =>
      request(transport, { method: 'PATCH', path: member(id), body, schema: checks.member }, o),
    removeMember: (id: string, o?: CallOptions) =>
      request(transport, { method: 'DELETE', path: member(id), schema: checks.none }, o),
    requestUpgrade: (body: CreateUpgradeRequest, o?: CallOptions) =>
      request(transport, { ...post('v1/upgrade-requests', body), schema: checks.request }, o),
    upgradeRequests: (status?: UpgradeRequestStatus, o?: CallOptions) =>
      request(
        transport,
        { method: 'GET', path: 'v1/upgrade-requests', query: { status }, schema: checks.requests },
        o,
      ),
    approveUpgradeRequest: (id: string, o?: CallOptions) =>
      request(
        transport,
        { ...post(`${upgradeRequest(id)}/approve`, {}), schema: checks.approved },
        o,
      ),
    declineUpgradeRequest: (id: string, reason?: string, o?: CallOptions) =>
      request(
        transport,
        {
          ...post(`${upgradeRequest(id)}/decline`, reason ? { reason } : {}),
          schema: checks.request,
        },
        o,
      ),
  };
}
