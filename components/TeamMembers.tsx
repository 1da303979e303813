import { useState } from 'preact/hooks';
import type { TeamMember } from '../lib/api/schemas/team.ts';
import { errorMessage } from '../lib/billing/errors.ts';
import type { TeamPort } from '../lib/store/team-port.ts';
import { FormOutcome } from './FormOutcome.tsx';
import { useMessages } from './messages-context.ts';

interface TeamMembersProps {
  members: TeamMember[];
  /** The admin looking: it may not remove itself here. */
  selfId: string;
  team: TeamPort;
  onChanged(): void;
}

/** The team with each member's usage this term; an admin changes roles and removes members. */
export function TeamMembers({ members, selfId, team, onChanged }: TeamMembersProps) {
  const m = useMessages();
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
    <section class="t-section" aria-label={m.t('team')}>
      <h2>{m.t('team')}</h2>
      <ul class="t-team-list">
        {members.map((member) => {
          const other = member.role === 'admin' ? 'member' : 'admin';
          const { name } = member;
          const credits = m.tn('credits', member.usedThisCycle);
          return (
            <li key={member.id} class="t-member" aria-label={member.name}>
              <p>
                <strong>{member.name}</strong>{' '}
                <span class="t-muted">
                  {m.t('roleOf', {
                    role: m.t(member.role === 'admin' ? 'roleAdmin' : 'roleMember'),
                  })}
                </span>
              </p>
              <p class="t-muted">
                {member.overageUsdThisCycle !== '0.00'
                  ? m.tn('usedThisTermWithOverage', member.usedThisCycle, {
                      credits,
                      usd: m.formats.usd(member.overageUsdThisCycle),
                    })
                  : m.tn('usedThisTerm', member.usedThisCycle, { credits })}
              </p>
              <div class="t-actions">
                <button
                  type="button"
                  class="t-button t-button--quiet"
                  disabled={busy}
                  onClick={() =>
                    void act(
                      () => team.setRole(member.id, other),
                      m.t(other === 'admin' ? 'nowAnAdmin' : 'nowAMember', { name }),
                    )
                  }
                >
                  {m.t(other === 'admin' ? 'makeAdmin' : 'makeMember', { name })}
                </button>
                {member.id !== selfId && (
                  <button
                    type="button"
                    class="t-button t-button--quiet"
                    disabled={busy}
                    onClick={() =>
                      void act(() => team.remove(member.id), m.t('wasRemoved', { name }))
                    }
                  >
                    {m.t('removeMember', { name })}
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
