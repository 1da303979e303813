import { useId, useState } from 'preact/hooks';
import { Decimal } from '../lib/billing/decimal.ts';
import { errorMessage } from '../lib/billing/errors.ts';
import { creditUnit, formatCredits, formatDay, formatUsd } from '../lib/billing/format.ts';
import type { Quote } from '../lib/billing/types.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';
import { adminNames, countOf, operationNames } from '../lib/store/display-names.ts';
import type { UpgradeOption } from '../lib/store/overage-prompt.ts';
import { ModalFrame } from './ModalFrame.tsx';
import { trustedOnly } from './trusted-only.ts';

function why(quote: Quote, planName: string, capUsd: string | null): string {
  const available = new Decimal(quote.fromPlan).isZero()
    ? 'none are available'
    : `${formatCredits(quote.fromPlan)} ${creditUnit(quote.fromPlan) === 'credit' ? 'is' : 'are'} available`;
  const costs = `It costs ${formatCredits(quote.credits)} and ${available}.`;
  if (quote.outcome !== 'blocked') return costs;
  return quote.reason === 'overage-cap-reached'
    ? `${costs} This month’s overage cap${capUsd ? ` of ${formatUsd(capUsd)}` : ''} is reached: upgrade to go on.`
    : `${costs} The ${planName} plan has no overage: upgrade to go on.`;
}

/** What choosing the plan would do: the credits after and the next renewal at its price. */
function UpgradeFacts({ plan, preview }: UpgradeOption) {
  if (!preview) {
    return (
      <span class="t-upgrade__facts">
        {formatUsd(plan.priceUsd)}/month · {formatCredits(plan.monthlyCredits)} a month
      </span>
    );
  }
  return (
    <span class="t-upgrade__facts">
      <span>{formatCredits(preview.creditsAfter)} after</span>
      <span>
        renews {formatDay(preview.cycleAfter.end)} at {formatUsd(plan.priceUsd)}/month
      </span>
    </span>
  );
}

/** One click upgrades, so the button itself says the plan and what it charges today. */
function UpgradeButton({ option, model }: { option: UpgradeOption; model: CreditModel }) {
  const { plan, preview } = option;
  if (!preview) {
    return (
      <button type="button" class="t-button" disabled>
        Upgrade to {plan.name} · working out the price…
      </button>
    );
  }
  return (
    <button
      type="button"
      class="t-button"
      disabled={model.prompt.busy.value}
      onClick={trustedOnly(() => void model.upgrade(plan.id))}
    >
      Upgrade to {plan.name} · {formatUsd(preview.chargeUsd)} today
    </button>
  );
}

/**
 * The upgrade-or-pay-overage dialog, open while a preflight waits for the user. Paying and
 * upgrading act only on trusted events; Esc and Cancel answer "cancel" to the page.
 */
export function OverageDialog({
  model,
  onAsk,
}: {
  model: CreditModel;
  /** A member asks the admins for a plan (an upgrade request); without it, it is told whom to ask. */
  onAsk?: ((planId: string) => Promise<unknown>) | undefined;
}) {
  const id = useId();
  const [asked, setAsked] = useState<string | null>(null);
  const [askError, setAskError] = useState<string | null>(null);
  const request = model.prompt.request.value;
  const quote = model.prompt.quote.value;
  const snapshot = model.snapshot.value;
  if (!request || !quote || !snapshot) return null;
  const names = operationNames(model.catalog.value, request.operation);
  const what = request.quantity === 1 ? `this ${names.name}` : countOf(request.quantity, names);
  const isAdmin = snapshot.member.role === 'admin';
  const options = model.prompt.upgradeOptions.value;
  const busy = model.prompt.busy.value;
  const error = model.prompt.error.value ?? askError;

  return (
    <ModalFrame labelledBy={`${id}-title`} describedBy={`${id}-why`} onCancel={model.cancel}>
      <h2 id={`${id}-title`}>Not enough credits for {what}</h2>
      <p id={`${id}-why`} class="t-muted">
        {why(quote, snapshot.plan.name, snapshot.overage.capUsd)}
      </p>
      <p class="t-shortfall">
        <span>Short by</span>
        <span data-testid="shortfall">{formatCredits(quote.overageCredits)}</span>
      </p>
      {quote.outcome === 'overage' && (
        <div class="t-choice">
          <button
            type="button"
            class="t-button t-button--primary"
            disabled={busy}
            onClick={trustedOnly(model.payOverage)}
          >
            Pay {formatUsd(quote.overageUsd)} overage and continue
          </button>
          <p class="t-muted">
            {formatCredits(quote.overageCredits)} at {formatUsd(snapshot.plan.overageUsdPerCredit)}{' '}
            per credit, billed with your plan.
          </p>
        </div>
      )}
      {options.length > 0 && (
        <div class="t-choice">
          <p>
            <strong>
              {!isAdmin
                ? `Ask ${adminNames(snapshot)} (admin) to upgrade`
                : quote.outcome === 'overage'
                  ? 'Or upgrade now'
                  : 'Upgrade to go on'}
            </strong>
          </p>
          {options.map((option) => (
            <div key={option.plan.id} class="t-upgrade">
              <span>
                <strong>{option.plan.name}</strong>
                <UpgradeFacts {...option} />
              </span>
              {isAdmin && <UpgradeButton option={option} model={model} />}
              {!isAdmin && onAsk && (
                <button
                  type="button"
                  class="t-button"
                  disabled={asked !== null}
                  onClick={() =>
                    void onAsk(option.plan.id).then(
                      () => setAsked(option.plan.name),
                      (reason: unknown) => setAskError(errorMessage(reason)),
                    )
                  }
                >
                  Ask {adminNames(snapshot)} to upgrade to {option.plan.name}
                </button>
              )}
            </div>
          ))}
        </div>
      )}
      {!isAdmin && (
        <p data-testid="ask-admin" role={asked ? 'status' : undefined}>
          {asked
            ? `You asked ${adminNames(snapshot)} to upgrade to ${asked}: you will see the new plan here once approved.`
            : `Only an admin can change the plan: ask ${adminNames(snapshot)} (admin) to upgrade.`}
        </p>
      )}
      {error && (
        <p class="t-alert" role="alert">
          {error}
        </p>
      )}
      <div class="t-dialog__actions">
        <button type="button" class="t-button" autofocus onClick={model.cancel}>
          Cancel
        </button>
      </div>
    </ModalFrame>
  );
}
