import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../lib/billing/errors.ts';
import type { PlanId } from '../lib/billing/types.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';
import { adminNames } from '../lib/store/display-names.ts';
import type { TeamPort } from '../lib/store/team-port.ts';
import { FormOutcome } from './FormOutcome.tsx';
import { useMessages } from './messages-context.ts';

interface PlanAdviceProps {
  model: CreditModel;
  /** An admin's one click: the plan-change preview of the advised plan. */
  onPreview(planId: PlanId): void;
  /** A member's one click: the upgrade request to the admins (without it, nothing to click). */
  team?: TeamPort | undefined;
}

/**
 * docs/billing.md's plan advice, with both figures ("at this pace Scale costs $3,220.00 this term;
 * Growth $3,823.00 with its overage") and the way to act on it: an admin previews the change,
 * a member asks the admins for it.
 */
export function PlanAdvice({ model, onPreview, team }: PlanAdviceProps) {
  const m = useMessages();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    void model.loadCatalog();
  }, [model]);
  const snapshot = model.snapshot.value;
  const advice = snapshot?.insight.advice;
  // Named as the catalogue names it: nothing until the catalogue is there.
  const name = model.catalog.value?.plans.find((plan) => plan.id === advice?.planId)?.name;
  if (!snapshot || !advice || !name) return null;
  const admins = adminNames(snapshot, m);
  const asked = m.t('askedAdminFor', { admins, plan: name });

  async function ask(port: TeamPort, planId: PlanId) {
    setBusy(true);
    setError(null);
    try {
      await port.ask(planId);
      setDone(asked);
    } catch (reason) {
      setError(errorMessage(reason));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="t-section" aria-label={m.t('planAdvice')}>
      <p data-testid="plan-advice">
        {m.t('adviceText', {
          plan: name,
          projected: m.formats.usd(advice.projectedUsd),
          current: snapshot.plan.name,
          currentProjected: m.formats.usd(advice.currentProjectedUsd),
          saves: m.formats.usd(advice.savesUsd),
        })}
      </p>
      {snapshot.member.role === 'admin' ? (
        <button type="button" class="t-button" onClick={() => onPreview(advice.planId)}>
          {m.t('previewChangeTo', { plan: name })}
        </button>
      ) : (
        team && (
          <button
            type="button"
            class="t-button"
            disabled={busy || done !== null}
            onClick={() => void ask(team, advice.planId)}
          >
            {busy ? m.t('asking') : m.t('askAdminFor', { admins, plan: name })}
          </button>
        )
      )}
      <FormOutcome error={error} done={done} />
    </section>
  );
}
