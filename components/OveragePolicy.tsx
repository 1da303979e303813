import { useLayoutEffect, useState } from 'preact/hooks';
import { parseUsd, toUsdString } from '../lib/billing/decimal.ts';
import { errorMessage } from '../lib/billing/errors.ts';
import { formatCredits, formatUsd } from '../lib/billing/format.ts';
import type { OveragePolicy as Policy, Usd } from '../lib/billing/types.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';
import { adminNames } from '../lib/store/display-names.ts';
import { FormOutcome } from './FormOutcome.tsx';
import { trustedOnly } from './trusted-only.ts';

const CAP_INPUT = 't-overage-cap';
const CAP_ERROR = 't-overage-cap-error';

const POLICY_NAMES: Record<Policy, string> = { ask: 'Ask each time', auto: 'Automatic' };

/** "up to $25.00 a month" or "no cap". */
function capWords(capUsd: Usd | null): string {
  return capUsd === null ? 'no cap' : `up to ${formatUsd(capUsd)} a month`;
}

/** The typed cap as the API wants it ("25" → "25.00"; empty → no cap), or why it is not one. */
function capOf(text: string): { capUsd: Usd | null } | { error: string } {
  const typed = text.trim().replace(/^\$/, '');
  if (typed === '') return { capUsd: null };
  try {
    const cap = parseUsd(typed, 'The monthly cap');
    if (cap.decimalPlaces() > 2) {
      return { error: 'The monthly cap is in dollars and cents: at most 2 decimal places.' };
    }
    return { capUsd: toUsdString(cap) };
  } catch {
    return typed.startsWith('-')
      ? { error: 'The monthly cap cannot be negative.' }
      : { error: 'Write the monthly cap in dollars, like 25 or 25.50, or leave it empty.' };
  }
}

/**
 * The account's overage policy (BILLING.md): what it is and what this cycle's overage came
 * to; an admin changes it here, a member sees whom to ask.
 */
export function OveragePolicy({ model }: { model: CreditModel }) {
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
      <section class="t-section" aria-label="Overage">
        <h2>Overage</h2>
        <p class="t-muted">
          Overage is not available on this plan ({plan.name}): past its credits, operations need an
          upgrade.
        </p>
      </section>
    );
  }

  const chosen = policy ?? overage.policy;
  const cap = capText ?? overage.capUsd ?? '';

  async function save() {
    if (busy) return;
    const parsed = capOf(cap);
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
      setDone(`Saved: ${POLICY_NAMES[saved.policy]}, ${capWords(saved.capUsd)}.`);
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
    <section class="t-section" aria-label="Overage">
      <h2>Overage</h2>
      <dl class="t-facts" data-testid="overage-policy">
        <div>
          <dt>Policy</dt>
          <dd>{POLICY_NAMES[overage.policy]}</dd>
        </div>
        <div>
          <dt>Monthly cap</dt>
          <dd>{capWords(overage.capUsd)}</dd>
        </div>
        <div>
          <dt>This cycle</dt>
          <dd>
            {formatCredits(overage.creditsThisCycle)} · {formatUsd(overage.usdThisCycle)}
          </dd>
        </div>
      </dl>
      {snapshot.member.role !== 'admin' ? (
        <p class="t-muted">Ask {adminNames(snapshot)} (admin) to change it.</p>
      ) : (
        <div class="t-overage-form">
          <div class="t-plans" role="radiogroup" aria-label="Overage policy">
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
                  {POLICY_NAMES[value]}
                </span>
                <span class="t-muted">
                  {value === 'ask' ? 'consent per operation' : 'bill without asking'}
                </span>
              </label>
            ))}
          </div>
          {/* The cap limits overage dollars under both policies (lib/billing quote). */}
          <label class="t-overage-cap" for={CAP_INPUT}>
            Monthly cap in dollars (empty: no cap)
            <input
              id={CAP_INPUT}
              class="t-input"
              inputMode="decimal"
              placeholder="No cap"
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
            {busy ? 'Saving…' : 'Save overage policy'}
          </button>
        </div>
      )}
      <FormOutcome error={error} done={done} />
    </section>
  );
}
