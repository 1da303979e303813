import { useEffect, useState } from 'preact/hooks';
import { PlanChangeFacts } from '../../components/PlanChangeFacts.tsx';
import { trustedOnly } from '../../components/trusted-only.ts';
import { formatUsd } from '../../lib/billing/format.ts';
import type { PlanChangePreview } from '../../lib/billing/types.ts';
import { adminNames } from '../../lib/store/admin-names.ts';
import type { CreditModel } from '../../lib/store/credit-model.ts';

/**
 * Where an admin confirms the plan change an editor page's dialog asked for. It is an
 * extension page, so the change is made by Tally, not by anything the editor page can script.
 */
export function UpgradeConfirm({ model, planId }: { model: CreditModel; planId: string | null }) {
  const [preview, setPreview] = useState<PlanChangePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const snapshot = model.snapshot.value;
  const plan = model.catalog.value?.plans.find((candidate) => candidate.id === planId);
  const isAdmin = snapshot?.member.role === 'admin';

  useEffect(() => {
    if (!planId || !isAdmin) return;
    model.previewPlanChange(planId).then(setPreview, (reason: Error) => setError(reason.message));
  }, [model, planId, isAdmin]);

  async function confirm() {
    if (!planId || busy) return;
    setBusy(true);
    setError(null);
    try {
      await model.changePlan(planId);
      setDone(true);
      // The editor page's dialog goes on by itself; this window has done its job.
      setTimeout(() => window.close(), 1200);
    } catch (reason) {
      setError((reason as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (!snapshot) return <p class="t-section t-muted">Loading…</p>;
  const name = plan?.name ?? planId ?? 'a bigger plan';
  return (
    <section class="t-section" aria-labelledby="t-upgrade-title">
      <h1 id="t-upgrade-title" class="t-upgrade-title">
        Upgrade to {name}
      </h1>
      <p class="t-muted">
        {snapshot.account.name} is on {snapshot.plan.name}. The editor is waiting for your choice.
      </p>
      {!isAdmin ? (
        <p data-testid="ask-admin">
          Only an admin can change the plan: ask {adminNames(snapshot)}.
        </p>
      ) : done ? (
        <p role="status">You are on {name} now. Your operation goes on in the editor.</p>
      ) : preview === null ? (
        <p class="t-muted">{error ?? 'Working out what changes…'}</p>
      ) : (
        <div class="t-preview-box">
          <PlanChangeFacts preview={preview} />
          <div class="t-upgrade-actions">
            <button
              type="button"
              class="t-button t-button--primary"
              disabled={busy}
              onClick={trustedOnly(() => void confirm())}
            >
              {busy ? 'Changing…' : `Confirm: ${formatUsd(preview.chargeUsd)} today`}
            </button>
            <button type="button" class="t-button t-button--quiet" onClick={() => window.close()}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {error && preview !== null && (
        <p class="t-alert" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
