import { useId, useState } from 'preact/hooks';
import type { Snapshot } from '../lib/api/schemas/snapshot.ts';
import { Decimal } from '../lib/billing/decimal.ts';
import { errorMessage } from '../lib/billing/errors.ts';
import { quoteAfterChange } from '../lib/billing/quote-after-change.ts';
import type { Quote } from '../lib/billing/types.ts';
import type { Messages } from '../lib/i18n/messages.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';
import { adminNames, countOf, operationNames } from '../lib/store/display-names.ts';
import type { OverageRequest, UpgradeOption } from '../lib/store/overage-prompt.ts';
import { noPlanAboveRuns } from '../lib/store/upgrades-running.ts';
import { wayOnText } from '../lib/store/way-on.ts';
import { ModalFrame } from './ModalFrame.tsx';
import { useMessages } from './messages-context.ts';
import { trustedOnly } from './trusted-only.ts';

function why(quote: Quote, planName: string, capUsd: string | null, m: Messages): string {
  const available = new Decimal(quote.fromPlan).isZero()
    ? m.t('noneAvailable')
    : m.tn('creditsAvailable', quote.fromPlan, { credits: m.tn('credits', quote.fromPlan) });
  const costs = m.t('itCosts', { credits: m.tn('credits', quote.credits), available });
  if (quote.outcome !== 'blocked') return costs;
  if (quote.reason !== 'overage-cap-reached')
    return m.t('planHasNoOverage', { costs, plan: planName });
  return capUsd
    ? m.t('capOfReached', { costs, cap: m.formats.usd(capUsd) })
    : m.t('capReached', { costs });
}

/** The quote of the request right after changing to the option's plan; null until previewed. */
function afterUpgrade(
  { plan, preview }: UpgradeOption,
  request: OverageRequest,
  snapshot: Snapshot,
): Quote | null {
  if (!preview) return null;
  return quoteAfterChange({
    plan,
    preview,
    held: snapshot.credits.held,
    overage: snapshot.overage,
    ...request,
  });
}

/**
 * What choosing the plan would do: the credits at once, what this operation would leave of
 * them (or how far they still fall short), and the next renewal at its price.
 */
function UpgradeFacts({
  option,
  request,
  snapshot,
  what,
}: {
  option: UpgradeOption;
  request: OverageRequest;
  snapshot: Snapshot;
  /** The operation as the title names it ("this Lifestyle Crop", "5,000 Smart Crops"). */
  what: string;
}) {
  const m = useMessages();
  const { plan, preview } = option;
  const price = m.formats.usd(plan.priceUsd);
  if (!preview) {
    return (
      <span class="t-upgrade__facts">
        {m.t('pricePerMonth', { price, credits: m.tn('credits', plan.monthlyCredits) })}
      </span>
    );
  }
  const after = afterUpgrade(option, request, snapshot);
  return (
    <span class="t-upgrade__facts">
      <span>{m.t('creditsAfterUpgrade', { credits: m.tn('credits', preview.creditsAfter) })}</span>
      {after?.outcome === 'covered' && (
        <span data-testid="upgrade-covers">
          {m.t('upgradeCovers', { what, credits: m.tn('credits', after.availableAfter) })}
        </span>
      )}
      {after && after.outcome !== 'covered' && (
        <span data-testid="upgrade-short">
          {/* Overage that plan would not allow (or its cap would block) has no price to name. */}
          {after.outcome === 'blocked'
            ? m.t('upgradeFallsShort', { what, credits: m.tn('credits', after.overageCredits) })
            : m.t('upgradeThenOverage', {
                what,
                credits: m.tn('credits', after.overageCredits),
                usd: m.formats.usd(after.overageUsd),
              })}
        </span>
      )}
      <span>{m.t('renewsAt', { day: m.formats.day(preview.cycleAfter.end), price })}</span>
    </span>
  );
}

/** One click upgrades, so the button itself says the plan and what it charges today. */
function UpgradeButton({ option, model }: { option: UpgradeOption; model: CreditModel }) {
  const m = useMessages();
  const { plan, preview } = option;
  if (!preview) {
    return (
      <button type="button" class="t-button" disabled>
        {m.t('upgradeWorkingOut', { plan: plan.name })}
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
      {m.t('upgradeToToday', { plan: plan.name, usd: m.formats.usd(preview.chargeUsd) })}
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
  const m = useMessages();
  const id = useId();
  const [asked, setAsked] = useState<string | null>(null);
  const [askError, setAskError] = useState<string | null>(null);
  const request = model.prompt.request.value;
  const quote = model.prompt.quote.value;
  const snapshot = model.snapshot.value;
  if (!request || !quote || !snapshot) return null;
  const names = operationNames(model.catalog.value, request.operation);
  const what =
    request.quantity === 1
      ? m.t('thisOperation', { name: names.name })
      : countOf(request.quantity, names, m);
  const admins = adminNames(snapshot, m);
  const isAdmin = snapshot.member.role === 'admin';
  const options = model.prompt.upgradeOptions.value;
  const busy = model.prompt.busy.value;
  const error = model.prompt.error.value ?? askError;
  // Ways on besides the buttons: the cap can be raised; with no upgrade, the renewal.
  const capReached = quote.outcome === 'blocked' && quote.reason === 'overage-cap-reached';
  const noUpgrade = quote.outcome === 'blocked' && noPlanAboveRuns(model, [request.operation]);
  const wayOn = wayOnText(snapshot, { noUpgrade, capReached }, m);

  return (
    <ModalFrame
      labelledBy={`${id}-title`}
      describedBy={wayOn ? `${id}-why ${id}-way` : `${id}-why`}
      onCancel={model.cancel}
    >
      <h2 id={`${id}-title`}>{m.t('notEnoughFor', { what })}</h2>
      <p id={`${id}-why`} class="t-muted">
        {why(quote, snapshot.plan.name, snapshot.overage.capUsd, m)}
      </p>
      <p class="t-shortfall">
        <span>{m.t('shortBy')}</span>
        <span data-testid="shortfall">{m.tn('credits', quote.overageCredits)}</span>
      </p>
      {wayOn && (
        <p id={`${id}-way`} data-testid="way-on">
          {wayOn}
        </p>
      )}
      {quote.outcome === 'overage' && (
        <div class="t-choice">
          <button
            type="button"
            class="t-button t-button--primary"
            disabled={busy}
            onClick={trustedOnly(model.payOverage)}
          >
            {m.t('payOverage', { usd: m.formats.usd(quote.overageUsd) })}
          </button>
          <p class="t-muted">
            {m.t('overageBilled', {
              credits: m.tn('credits', quote.overageCredits),
              usd: m.formats.usd(snapshot.plan.overageUsdPerCredit),
            })}
          </p>
        </div>
      )}
      {options.length > 0 && (
        <div class="t-choice">
          <p>
            <strong>
              {!isAdmin
                ? m.t('askAdminToUpgrade', { admins })
                : m.t(quote.outcome === 'overage' ? 'orUpgradeNow' : 'upgradeToGoOn')}
            </strong>
          </p>
          {options.map((option) => (
            <div key={option.plan.id} class="t-upgrade">
              <span>
                <strong>{option.plan.name}</strong>
                <UpgradeFacts option={option} request={request} snapshot={snapshot} what={what} />
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
                  {m.t('askAdminToUpgradeTo', { admins, plan: option.plan.name })}
                </button>
              )}
            </div>
          ))}
        </div>
      )}
      {!isAdmin && (
        // After asking, what happens next. The region is there from the start so that the
        // news is announced.
        <p data-testid="ask-admin" class="t-ask-status" role="status">
          {asked && m.t('youAsked', { admins, plan: asked })}
        </p>
      )}
      {error && (
        <p class="t-alert" role="alert">
          {error}
        </p>
      )}
      <div class="t-dialog__actions">
        <button type="button" class="t-button" autofocus onClick={model.cancel}>
          {m.t('cancel')}
        </button>
      </div>
    </ModalFrame>
  );
}
