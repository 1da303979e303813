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

/**
 * `team`, where the loads asked in one turn (the team panel and the recent activity reading the
 * team on the same new version) share one request. A load asked later, after a change made
 * meanwhile, is a request of its own, so it never answers with what was read before.
 */
export function sharingLoads(team: TeamPort): TeamPort {
  let pending: ReturnType<TeamPort['load']> | null = null;
  return {
    load: () => {
      if (!pending) {
        pending = team.load();
        queueMicrotask(() => {
          pending = null;
        });
      }
      return pending;
    },
    ask: (planId, note) => team.ask(planId, note),
    preview: (planId) => team.preview(planId),
    approve: (requestId) => team.approve(requestId),
    decline: (requestId, reason) => team.decline(requestId, reason),
    setRole: (memberId, role) => team.setRole(memberId, role),
    remove: (memberId) => team.remove(memberId),
  };
}
