import type { PlanChangePreview } from '../api/schemas/plan-change.ts';
import type { TeamMember, UpgradeRequest } from '../api/schemas/team.ts';

/**
 * What the team UI (members, upgrade requests) asks of its host: the extension's worker, or
 * the embed's direct API client. Components take this, never a client or `browser`.
 */
export interface TeamPort {
  /** The members (an admin sees all, a member itself) and the upgrade requests it sees. */
  load(): Promise<{ members: TeamMember[]; requests: UpgradeRequest[] }>;
  ask(planId: string, note?: string): Promise<UpgradeRequest>;
  preview(planId: string): Promise<PlanChangePreview>;
  approve(requestId: string): Promise<unknown>;
  decline(requestId: string, reason?: string): Promise<unknown>;
  setRole(memberId: string, role: 'admin' | 'member'): Promise<unknown>;
  remove(memberId: string): Promise<unknown>;
}
