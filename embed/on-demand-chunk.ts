// The chunk the widget imports on demand (on-demand.ts), one file for what the compact chip
// does without: the expanded layout, the upgrade-or-pay-overage dialog, and the team calls with
// their shapes (the expanded layout's team section, a member's upgrade request from the dialog).
// The expanded layout's usage chart is a chunk of its own (usage-chart-chunk.ts), imported when
// the layout first shows: the dialog, which a preflight may be waiting on, never waits for it.
import { teamRequests } from '../lib/api/team-requests.ts';
import {
  teamMembersCheck,
  unreadAnswer,
  upgradeRequestCheck,
  upgradeRequestsCheck,
} from '../lib/api/team-shapes.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';
import type { TeamPort } from '../lib/store/team-port.ts';
import type { EmbedApi } from './transport.ts';

export { enPages } from '../lib/i18n/catalogues/en-pages.ts';
export { EmbedDialog } from './EmbedDialog.tsx';
export { ExpandedLayout } from './ExpandedLayout.tsx';

/** The signed-in member's team over the API; every change reaches the widget as a new Snapshot. */
export function embedTeamPort({ transport, call }: EmbedApi, model: CreditModel): TeamPort {
  const client = teamRequests(transport, {
    members: teamMembersCheck,
    member: unreadAnswer(),
    request: upgradeRequestCheck,
    requests: upgradeRequestsCheck,
    approved: unreadAnswer(),
    none: unreadAnswer(),
  });
  return {
    async load() {
      // An admin decides the open requests; a member sees what became of its own.
      const admin = model.snapshot.peek()?.member.role === 'admin';
      const [{ members }, { requests }] = await Promise.all([
        call(() => client.members()),
        call(() => client.upgradeRequests(admin ? 'open' : undefined)),
      ]);
      return { members, requests };
    },
    ask: async (planId, note) =>
      (await call(() => client.requestUpgrade({ planId, ...(note ? { note } : {}) }))).request,
    preview: (planId) => model.previewPlanChange(planId),
    approve: (id) => call(() => client.approveUpgradeRequest(id)),
    decline: (id, reason) => call(() => client.declineUpgradeRequest(id, reason)),
    setRole: (id, role) => call(() => client.updateMember(id, { role })),
    remove: (id) => call(() => client.removeMember(id)),
  };
}

/** The usage chart's chunk, with the summary call over the embed's API. */
export function embedUsage(api: EmbedApi) {
  return async () => ({
    UsageSection: (await import('./usage-chart-chunk.tsx')).embedUsageSection(api),
  });
}
