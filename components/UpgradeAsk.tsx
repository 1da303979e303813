import { useState } from 'preact/hooks';
import type { Snapshot } from '../lib/api/schemas/snapshot.ts';
import type { UpgradeRequest } from '../lib/api/schemas/team.ts';
import { errorMessage } from '../lib/billing/errors.ts';
import type { Plan } from '../lib/billing/types.ts';
import type { Messages } from '../lib/i18n/messages.ts';
import { adminNames, planNamed } from '../lib/store/display-names.ts';
import type { TeamPort } from '../lib/store/team-port.ts';
import { FormOutcome } from './FormOutcome.tsx';
import { useMessages } from './messages-context.ts';

interface UpgradeAskProps {
  snapshot: Snapshot;
  /** Every plan of the catalogue, to name the one a request was for. */
  plans: Plan[];
  /** The plans above the current one, cheapest first: what a member may ask for. */
  upgrades: Plan[];
  /** The member's latest request, if any: its state is shown. */
  latest: UpgradeRequest | null;
  team: TeamPort;
  onAsked?(request: UpgradeRequest): void;
}

/** What became of the member's last request, in words. */
function requestState(request: UpgradeRequest, plans: Plan[], admins: string, m: Messages): string {
  const said = { admins, plan: planNamed(plans, request.planId) ?? request.planId };
  switch (request.status) {
    case 'open':
      return m.t('askOpen', said);
    case 'approved':
      return m.t('askApproved', said);
    case 'declined':
      return request.reason
        ? m.t('askDeclinedWhy', { ...said, reason: request.reason })
        : m.t('askDeclined', said);
    case 'replaced':
      return m.t('askReplaced', said);
  }
}

/** A member asks the admins for a plan (docs/billing.md: only an admin changes it), with a note. */
export function UpgradeAsk({ snapshot, plans, upgrades, latest, team, onAsked }: UpgradeAskProps) {
  const m = useMessages();
  const [planId, setPlanId] = useState<string>(upgrades.at(-1)?.id ?? '');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const admins = adminNames(snapshot, m);
  // On the top plan there is nothing to ask for, but what became of the last ask still shows.
  const target = upgrades.find((plan) => plan.id === planId) ?? upgrades.at(-1);
  if (!target && !latest) return null;

  async function ask() {
    if (!target || busy) return;
    setBusy(true);
    setError(null);
    try {
      const request = await team.ask(target.id, note.trim() || undefined);
      setNote('');
      onAsked?.(request);
    } catch (reason) {
      setError(errorMessage(reason));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="t-section" aria-label={m.t('askForUpgrade')}>
      <h2>{m.t('changePlan')}</h2>
      {latest && (
        <p class="t-muted" role="status">
          {requestState(latest, plans, admins, m)}
        </p>
      )}
      {target && (
        <>
          <label class="t-field">
            <span>{m.t('plan')}</span>
            <select
              class="t-input"
              value={target.id}
              onChange={(e) => setPlanId(e.currentTarget.value)}
            >
              {upgrades.map((plan) => (
                <option key={plan.id} value={plan.id}>
                  {m.t('planOption', {
                    plan: plan.name,
                    offer: m.t('planOffer', {
                      price: m.formats.usd(plan.priceUsd),
                      amount: m.formats.creditAmount(plan.monthlyCredits),
                    }),
                  })}
                </option>
              ))}
            </select>
          </label>
          <label class="t-field">
            <span>{m.t('noteFor', { admins })}</span>
            <textarea
              class="t-input"
              rows={2}
              maxLength={500}
              value={note}
              onInput={(e) => setNote(e.currentTarget.value)}
            />
          </label>
          <button
            type="button"
            class="t-button t-button--primary"
            disabled={busy}
            onClick={() => void ask()}
          >
            {busy ? m.t('asking') : m.t('askAdminToUpgradeTo', { admins, plan: target.name })}
          </button>
        </>
      )}
      <FormOutcome error={error} done={null} />
    </section>
  );
}
