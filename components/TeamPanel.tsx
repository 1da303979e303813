import { useEffect, useState } from 'preact/hooks';
import type { CreditModel } from '../lib/store/credit-model.ts';
import type { TeamPort } from '../lib/store/team-port.ts';
import { useReadOnChange } from './read-on-change.ts';
import { TeamMembers } from './TeamMembers.tsx';
import { UpgradeAsk } from './UpgradeAsk.tsx';
import { UpgradeInbox } from './UpgradeInbox.tsx';

/**
 * The team part of a popup or widget: a member asks the admins for a plan and sees what came
 * of it; an admin sees the open requests (preview, Approve, Decline) and the team. It reads the
 * team again whenever the account's Snapshot moves on (a request, a decision, a removal).
 */
export function TeamPanel({ model, team }: { model: CreditModel; team: TeamPort }) {
  const [reads, setReads] = useState(0);
  const snapshot = model.snapshot.value;
  const version = snapshot?.version;
  useEffect(() => {
    void model.loadCatalog();
  }, [model]);
  // A new version, or a change made here (`reads`), means the team may have changed; another
  // member signed in sees the team as that member may.
  const { value: loaded, error } = useReadOnChange(
    version === undefined ? null : team.load,
    snapshot?.member.id,
    [team, version, reads],
  );

  if (!snapshot) return null;
  const reload = () => setReads((n) => n + 1);
  const plans = model.catalog.value?.plans ?? [];
  if (error) {
    return (
      <p class="t-section t-alert" role="alert">
        {error}
      </p>
    );
  }
  if (!loaded) return null;
  if (snapshot.member.role !== 'admin') {
    return (
      <UpgradeAsk
        snapshot={snapshot}
        plans={plans}
        upgrades={model.upgrades.value}
        latest={loaded.requests[0] ?? null}
        team={team}
        onAsked={reload}
      />
    );
  }
  return (
    <>
      <UpgradeInbox
        requests={loaded.requests}
        members={loaded.members}
        plans={plans}
        team={team}
        onDecided={reload}
      />
      <TeamMembers
        members={loaded.members}
        selfId={snapshot.member.id}
        team={team}
        onChanged={reload}
      />
    </>
  );
}
