import { useState } from 'preact/hooks';
import type { TeamMember } from '../lib/api/schemas/team.ts';
import { errorMessage } from '../lib/billing/errors.ts';
import { formatCredits, formatUsd } from '../lib/billing/format.ts';
import type { TeamPort } from '../lib/store/team-port.ts';
import { FormOutcome } from './FormOutcome.tsx';

interface TeamMembersProps {
  members: TeamMember[];
  /** The admin looking: it may not remove itself here. */
  selfId: string;
  team: TeamPort;
  onChanged(): void;
}

/** The team with each member's usage this term; an admin changes roles and removes members. */
export function TeamMembers({ members, selfId, team, onChanged }: TeamMembersProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function act(action: () => Promise<unknown>, said: string) {
    if (busy) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await action();
      setDone(said);
      onChanged();
    } catch (reason) {
      setError(errorMessage(reason));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="t-section" aria-label="Team">
      <h2>Team</h2>
      <ul class="t-team-list">
        {members.map((member) => {
          const other = member.role === 'admin' ? 'member' : 'admin';
          return (
            <li key={member.id} class="t-member" aria-label={member.name}>
              <p>
                <strong>{member.name}</strong> <span class="t-muted">({member.role})</span>
              </p>
              <p class="t-muted">
                {formatCredits(member.usedThisCycle)} used this term
                {member.overageUsdThisCycle !== '0.00'
                  ? ` · ${formatUsd(member.overageUsdThisCycle)} overage`
                  : ''}
              </p>
              <div class="t-actions">
                <button
                  type="button"
                  class="t-button t-button--quiet"
                  disabled={busy}
                  onClick={() =>
                    void act(
                      () => team.setRole(member.id, other),
                      `${member.name} is now ${other === 'admin' ? 'an admin' : 'a member'}.`,
                    )
                  }
                >
                  Make {member.name} {other === 'admin' ? 'an admin' : 'a member'}
                </button>
                {member.id !== selfId && (
                  <button
                    type="button"
                    class="t-button t-button--quiet"
                    disabled={busy}
                    onClick={() =>
                      void act(() => team.remove(member.id), `${member.name} was removed.`)
                    }
                  >
                    Remove {member.name}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <FormOutcome error={error} done={done} />
    </section>
  );
}
