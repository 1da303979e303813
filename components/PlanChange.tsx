import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../lib/billing/errors.ts';
import type { PlanChangePreview, PlanId } from '../lib/billing/types.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';
import { adminNames } from '../lib/store/display-names.ts';
import { FormOutcome } from './FormOutcome.tsx';
import { useMessages } from './messages-context.ts';
import { PlanChangeFacts } from './PlanChangeFacts.tsx';
import { trustedOnly } from './trusted-only.ts';

interface PlanChangeProps {
  model: CreditModel;
  /** A plan picked elsewhere (the plan advice): its preview is shown as if chosen here. */
  proposed?: PlanId | null | undefined;
}

/** Admins pick a plan, see what the change does (docs/billing.md preview), then confirm. */
export function PlanChange({ model, proposed }: PlanChangeProps) {
  const m = useMessages();
  const [planId, setPlanId] = useState<PlanId | null>(null);
  const [preview, setPreview] = useState<PlanChangePreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const chosen = useRef<PlanId | null>(null);
  useEffect(() => {
    void model.loadCatalog();
  }, [model]);
  useEffect(() => {
    if (proposed) void choose(proposed);
  }, [proposed]);

  const snapshot = model.snapshot.value;
  if (!snapshot) return null;
  if (snapshot.member.role !== 'admin') {
    return (
      <section class="t-section" aria-label={m.t('changePlan')}>
        <h2>{m.t('changePlan')}</h2>
        <p class="t-muted">{m.t('askAdminToChangePlan', { admins: adminNames(snapshot, m) })}</p>
      </section>
    );
  }
  const plans = (model.catalog.value?.plans ?? []).filter((plan) => plan.id !== snapshot.plan.id);
  const target = plans.find((plan) => plan.id === planId);

  async function choose(id: PlanId) {
    chosen.current = id;
    setPlanId(id);
    setPreview(null);
    setError(null);
    setDone(null);
    try {
      const next = await model.previewPlanChange(id);
      if (chosen.current === id) setPreview(next);
    } catch (reason) {
      if (chosen.current === id) setError(errorMessage(reason));
    }
  }

  async function confirm() {
    if (!target || busy) return;
    setBusy(true);
    setError(null);
    try {
      await model.changePlan(target.id);
      setDone(m.t('youAreOn', { plan: target.name }));
      chosen.current = null;
      setPlanId(null);
      setPreview(null);
    } catch (reason) {
      setError(errorMessage(reason));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="t-section" aria-label={m.t('changePlan')}>
      <h2>{m.t('changePlan')}</h2>
      <div class="t-plans" role="radiogroup" aria-label={m.t('plans')}>
        {plans.map((plan) => (
          <label key={plan.id} class="t-plan-option">
            <span>
              <input
                type="radio"
                name="t-plan"
                value={plan.id}
                checked={plan.id === planId}
                onChange={() => void choose(plan.id)}
              />
              {plan.name}
            </span>
            <span class="t-muted">
              {m.t('planOffer', {
                price: m.formats.usd(plan.priceUsd),
                amount: m.formats.creditAmount(plan.monthlyCredits),
              })}
            </span>
          </label>
        ))}
      </div>
      {target && (
        <div class="t-preview-box" aria-live="polite" aria-busy={preview === null}>
          {preview === null ? (
            <p class="t-muted">{m.t('workingOut')}</p>
          ) : (
            <>
              <PlanChangeFacts preview={preview} plan={target} />
              <button
                type="button"
                class="t-button t-button--primary"
                disabled={busy}
                onClick={trustedOnly(() => void confirm())}
              >
                {busy
                  ? m.t('changing')
                  : m.t('changeTo', { plan: target.name, usd: m.formats.usd(preview.chargeUsd) })}
              </button>
            </>
          )}
        </div>
      )}
      <FormOutcome error={error} done={done} />
    </section>
  );
}
