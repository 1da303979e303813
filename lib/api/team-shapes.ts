// The team's answers (members, upgrade requests) as shape-check.ts shapes, apart from
// response-shapes.ts: the embed loads them with its team part, not with the chip. Each mirrors
// a zod schema of schemas/team.ts; tests/api/response-shapes.test.ts derives and compares them.
import type { TeamMembers, UpgradeRequest } from './schemas/team.ts';
import { checkShape, type Shape, type WireCheck } from './shape-check.ts';

export const TEAM_MEMBERS_SHAPE = {
  members: [
    'array',
    {
      id: 'id',
      name: 'string',
      role: ['enum', 'admin', 'member'],
      usedThisCycle: 'credits',
      overageUsdThisCycle: 'usd',
    },
  ],
} as const satisfies Shape;

export const UPGRADE_REQUEST_SHAPE = {
  id: 'id',
  memberId: 'id',
  planId: 'id',
  note: ['nullable', 'string'],
  status: ['enum', 'open', 'approved', 'declined', 'replaced'],
  at: 'instant',
  decidedAt: ['nullable', 'instant'],
  decidedBy: ['nullable', 'id'],
  reason: ['nullable', 'string'],
} as const satisfies Shape;

export const UPGRADE_REQUESTS_SHAPE = {
  requests: ['array', UPGRADE_REQUEST_SHAPE],
} as const satisfies Shape;

export const UPGRADE_REQUEST_RESULT_SHAPE = {
  request: UPGRADE_REQUEST_SHAPE,
} as const satisfies Shape;

export const teamMembersCheck = checkShape<TeamMembers>(TEAM_MEMBERS_SHAPE);
export const upgradeRequestsCheck = checkShape<{ requests: UpgradeRequest[] }>(
  UPGRADE_REQUESTS_SHAPE,
);
export const upgradeRequestCheck = checkShape<{ request: UpgradeRequest }>(
  UPGRADE_REQUEST_RESULT_SHAPE,
);

/**
 * For answers the embed does not read (a role change, an approval, a removal's empty 204):
 * only that the call worked matters, and the Snapshot that follows comes over the stream.
 */
export function unreadAnswer<T>(): WireCheck<T> {
  return { safeParse: (value) => ({ success: true, data: value as T }) };
}
