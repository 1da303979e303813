import { useLayoutEffect, useState } from 'preact/hooks';
import { parseUsd, toUsdString } from '../lib/billing/decimal.ts';
import { errorMessage } from '../lib/billing/errors.ts';
import type { OveragePolicy as Policy, Usd } from '../lib/billing/types.ts';
import type { Messages, TextKey } from '../lib/i18n/messages.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';
import { adminNames } from '../lib/store/display-names.ts';
import { noPlanAboveRuns } from '../lib/store/upgrades-running.ts';
import { FormOutcome } from './FormOutcome.tsx';
import { useMessages } from './messages-context.ts';
import { trustedOnly } from './trusted-only.ts';

const CAP_INPUT = 't-overage-cap';
const CAP_ERROR = 't-overage-cap-error';

const POLICY_NAMES: Record<Policy, TextKey> = { ask: 'policyAsk', auto: 'policyAuto' };

/** "up to $25.00 a month" or "no cap". */
function capWords(capUsd: Usd | null, m: Messages): string {
  return capUsd === null ? m.t('noCap') : m.t('capUpTo', { usd: m.formats.usd(capUsd) });
}

/**
 * The typed cap as the API wants it ("25" → "25.00"; empty → no cap), or why it is not one. A
 * locale that writes a decimal comma ("25,50" in German and French) may type one.
 */
function capOf(text: string, m: Messages): { capUsd: Usd | null } | { error: string } {
  const bare = text.trim().replace(/^\$|\s*\$(US)?$/g, '');
  const typed = decimalComma(m.locale) && !bare.includes('.') ? bare.replace(',', '.') : bare;
  if (typed === '') return { capUsd: null };
  try {
    const cap = parseUsd(typed, 'The monthly cap');
    if (cap.decimalPlaces() > 2) {
      return { error: m.t('capPlaces') };
    }
    return { capUsd: toUsdString(cap) };
  } catch {
    return { error: m.t(typed.startsWith('-') ? 'capNegative' : 'capUnreadable') };
  }
}

/** Whether the locale writes "1,5" for one and a half (the separator is all that is read). */
function decimalComma(locale: string): boolean {
  return new Intl.NumberFormat(locale).formatToParts(1.5).some((part) => part.value === ',');
}

/** The cap in force as the field shows it: "25.50", or "25,50" where a decimal comma is written. */
function capInField(capUsd: Usd | null, locale: string): string {
  if (capUsd === null) return '';
  return decimalComma(locale) ? capUsd.replace('.', ',') : capUsd;
}

/**
 * The account's overage policy (docs/billing.md): what it is and what this cycle's overage came
 * to; an admin changes it here, a member sees whom to ask.
 */
export function OveragePolicy({ model }: { model: CreditModel }) {
  const m = useMessages();
  // Drafts are null while untouched, so the form follows the snapshot (another admin's change).
  const [policy, setPolicy] = useState<Policy | null>(null);
  const [capText, setCapText] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const snapshot = model.snapshot.value;
  // Another account or member (reconnected): nothing typed or said before applies to it.
  const who = snapshot && `${snapshot.account.id}/${snapshot.member.id}`;
  useLayoutEffect(() => {
    setPolicy(null);
    setCapText(null);
    setInvalid(null);
    setError(null);
    setDone(null);
  }, [who]);
  if (!snapshot) return null;
  const { overage, plan } = snapshot;
  if (!plan.allowsOverage) {
    return (
      <section class="t-section" aria-label={m.t('overage')}>
        <h2>{m.t('overage')}</h2>
        <p class="t-muted">
          {noPlanAboveRuns(model)
            ? m.t('noOverageUntil', { plan: plan.name, day: m.formats.day(snapshot.cycle.end) })
            : m.t('noOverageOnPlan', { plan: plan.name })}
        </p>
      </section>
    );
  }

  const chosen = policy ?? overage.policy;
  const cap = capText ?? capInField(overage.capUsd, m.locale);

  async function save() {
    if (busy) return;
    const parsed = capOf(cap, m);
    setError(null);
    setDone(null);
    if ('error' in parsed) {
      setInvalid(parsed.error);
      return;
    }
    setInvalid(null);
    setBusy(true);
    try {
      await model.setOveragePolicy(chosen, parsed.capUsd);
      setPolicy(null);
      setCapText(null);
      const saved = model.snapshot.value?.overage ?? { policy: chosen, capUsd: parsed.capUsd };
      setDone(
        m.t('overageSaved', {
          policy: m.t(POLICY_NAMES[saved.policy]),
          cap: capWords(saved.capUsd, m),
        }),
      );
    } catch (reason) {
      setError(errorMessage(reason));
    } finally {
      setBusy(false);
    }
  }

  function choose(next: Policy) {
    setPolicy(next);
    setDone(null);
  }

  return (
    <section class="t-section" aria-label={m.t('overage')}>
      <h2>{m.t('overage')}</h2>
      <dl class="t-facts" data-testid="overage-policy">
        <div>
          <dt>{m.t('policy')}</dt>
          <dd>{m.t(POLICY_NAMES[overage.policy])}</dd>
        </div>
        <div>
          <dt>{m.t('monthlyCap')}</dt>
          <dd>{capWords(overage.capUsd, m)}</dd>
        </div>
        <div>
          <dt>{m.t('thisCycle')}</dt>
          <dd>
            {m.t('creditsAndUsd', {
              credits: m.tn('credits', overage.creditsThisCycle),
              usd: m.formats.usd(overage.usdThisCycle),
            })}
          </dd>
        </div>
        {overage.heldUsd !== undefined && !parseUsd(overage.heldUsd).isZero() && (
          <div>
            <dt>{m.t('heldForRunning')}</dt>
            <dd>{m.formats.usd(overage.heldUsd)}</dd>
          </div>
        )}
      </dl>
      {snapshot.member.role !== 'admin' ? (
        <p class="t-muted">{m.t('askAdminToChangeIt', { admins: adminNames(snapshot, m) })}</p>
      ) : (
        <div class="t-overage-form">
          <div class="t-plans" role="radiogroup" aria-label={m.t('overagePolicy')}>
            {(['ask', 'auto'] as const).map((value) => (
              <label key={value} class="t-plan-option">
                <span>
                  <input
                    type="radio"
                    name="t-overage-policy"
                    value={value}
                    checked={chosen === value}
                    onChange={() => choose(value)}
                  />
                  {m.t(POLICY_NAMES[value])}
                </span>
                <span class="t-muted">
                  {m.t(value === 'ask' ? 'policyAskHint' : 'policyAutoHint')}
                </span>
              </label>
            ))}
          </div>
          {/* The cap limits overage dollars under both policies (lib/billing quote). */}
          <label class="t-field" for={CAP_INPUT}>
            {m.t('capLabel')}
            <input
              id={CAP_INPUT}
              class="t-input"
              inputMode="decimal"
              placeholder={m.t('capPlaceholder')}
              value={cap}
              aria-invalid={invalid !== null}
              aria-describedby={invalid ? CAP_ERROR : undefined}
              onInput={(event) => {
                setCapText(event.currentTarget.value);
                setInvalid(null);
                setDone(null);
              }}
            />
          </label>
          {invalid && (
            <p class="t-alert" role="alert" id={CAP_ERROR}>
              {invalid}
            </p>
          )}
          {/* "Automatic" bills without asking: like a consent, only a person's own click saves it. */}
          <button
            type="button"
            class="t-button t-button--primary"
            disabled={busy}
            onClick={trustedOnly(() => void save())}
          >
            {m.t(busy ? 'saving' : 'saveOveragePolicy')}
          </button>
        </div>
      )}
      <FormOutcome error={error} done={done} />
    </section>
  );
}
