import { useEffect, useState } from 'preact/hooks';
import type { PlanChangePreview } from '../lib/api/schemas/plan-change.ts';
import type { TeamMember, UpgradeRequest } from '../lib/api/schemas/team.ts';
import { errorMessage } from '../lib/billing/errors.ts';
import type { Plan } from '../lib/billing/types.ts';
import type { TeamPort } from '../lib/store/team-port.ts';
import { FormOutcome } from './FormOutcome.tsx';
import { useMessages } from './messages-context.ts';
import { PlanChangeFacts } from './PlanChangeFacts.tsx';
import { trustedOnly } from './trusted-only.ts';

interface InboxProps {
  requests: UpgradeRequest[];
  members: TeamMember[];
  plans: Plan[];
  team: TeamPort;
  /** After an approval or a decline: the team is read again. */
  onDecided(): void;
}

/** One open request: who asks for what, what the change would do, Approve or Decline. */
function OpenRequest({
  request,
  who,
  plan,
  team,
  onDecided,
}: {
  request: UpgradeRequest;
  who: string;
  plan: Plan | undefined;
  team: TeamPort;
  onDecided(): void;
}) {
  const m = useMessages();
  const [preview, setPreview] = useState<PlanChangePreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const planName = plan?.name ?? request.planId;
  useEffect(() => {
    team.preview(request.planId).then(setPreview, (reason) => setError(errorMessage(reason)));
  }, [team, request.planId]);

  async function decide(act: () => Promise<unknown>) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await act();
      onDecided();
    } catch (reason) {
      setError(errorMessage(reason));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li class="t-request" aria-label={m.t('asksFor', { who, plan: planName })}>
      <p>
        {request.note
          ? m.t('asksToUpgradeNote', { who, plan: planName, note: request.note })
          : m.t('asksToUpgrade', { who, plan: planName })}
      </p>
      {preview ? (
        <PlanChangeFacts preview={preview} {...(plan ? { plan } : {})} />
      ) : (
        <p class="t-muted">{m.t('workingOut')}</p>
      )}
      <div class="t-actions">
        <button
          type="button"
          class="t-button t-button--primary"
          disabled={busy || !preview}
          onClick={trustedOnly(() => void decide(() => team.approve(request.id)))}
        >
          {preview
            ? m.t('approveToday', { usd: m.formats.usd(preview.chargeUsd) })
            : m.t('approve')}
        </button>
        <button
          type="button"
          class="t-button"
          disabled={busy}
          onClick={() => void decide(() => team.decline(request.id))}
        >
          {m.t('decline')}
        </button>
      </div>
      <FormOutcome error={error} done={null} />
    </li>
  );
}

/** The admin's open upgrade requests, each with the plan-change preview first. */
export function UpgradeInbox({ requests, members, plans, team, onDecided }: InboxProps) {
  const m = useMessages();
  const open = requests.filter((request) => request.status === 'open');
  return (
    <section class="t-section" aria-label={m.t('upgradeRequests')}>
      <h2>{m.t('upgradeRequests')}</h2>
      {open.length === 0 ? (
        <p class="t-muted">{m.t('noOpenRequests')}</p>
      ) : (
        <ul class="t-team-list">
          {open.map((request) => (
            <OpenRequest
              key={request.id}
              request={request}
              who={members.find(({ id }) => id === request.memberId)?.name ?? m.t('aMember')}
              plan={plans.find(({ id }) => id === request.planId)}
              team={team}
              onDecided={onDecided}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
