import { useState } from 'preact/hooks';
import { type BasketLine, quoteBasket } from '../lib/billing/basket.ts';
import { capView } from '../lib/billing/cap-view.ts';
import { MAX_QUANTITY } from '../lib/billing/quantity.ts';
import type { Quote } from '../lib/billing/types.ts';
import type { Messages } from '../lib/i18n/messages.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';
import { countOf, type OperationNames } from '../lib/store/display-names.ts';
import { noPlanAboveRuns } from '../lib/store/upgrades-running.ts';
import { wayOnText } from '../lib/store/way-on.ts';
import { useMessages } from './messages-context.ts';

const WHOLE_NUMBER = /^\d+$/;

function quantityOf(text: string): number | null {
  if (!WHOLE_NUMBER.test(text)) return null;
  const quantity = Number.parseInt(text, 10);
  return quantity <= MAX_QUANTITY ? quantity : null;
}

/**
 * A line's words. A blocked one says why: the cap, or that it needs an upgrade, or, with no
 * upgrade that runs the basket, that the plan has no overage.
 */
function lineText(line: Quote, names: OperationNames, noUpgrade: boolean, m: Messages): string {
  const amount = m.formats.creditAmount;
  const count = countOf(line.quantity, names, m);
  const base = m.t('basketLine', { count, credits: m.tn('credits', line.credits) });
  if (line.outcome === 'covered') {
    return m.t('basketLineCovered', { line: base, left: amount(line.availableAfter) });
  }
  const over = { line: base, over: amount(line.overageCredits) };
  if (line.outcome === 'overage') {
    return m.t('basketLineOverage', { ...over, usd: m.formats.usd(line.overageUsd) });
  }
  if (line.reason === 'overage-cap-reached') return m.t('basketLineCapReached', over);
  return m.t(noUpgrade ? 'basketLineNoOverage' : 'basketLineUpgrade', over);
}

/**
 * "What if I do 100 Smart Crops and 83 Background Removals?": quoted line by line in order,
 * each line drawing on what the previous ones left (docs/billing.md, basket).
 */
export function BasketPlanner({ model }: { model: CreditModel }) {
  const m = useMessages();
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const snapshot = model.snapshot.value;
  const operations = model.operations.value;
  if (!snapshot || operations.length === 0) return null;

  const lines: BasketLine[] = [];
  for (const operation of operations) {
    const quantity = quantityOf(quantities[operation.id] ?? '');
    if (quantity) lines.push({ operation: operation.id, quantity });
  }
  const basket =
    lines.length > 0
      ? quoteBasket(
          {
            plan: snapshot.plan,
            available: snapshot.credits.available,
            overage: capView(snapshot.overage),
          },
          lines,
        )
      : null;
  const total = basket?.total;
  // An upgrade helps only if its plan runs the whole basket: the lines and the total say the same.
  const noUpgrade = noPlanAboveRuns(
    model,
    lines.map((line) => line.operation),
  );
  const wayOn =
    total?.outcome === 'blocked'
      ? wayOnText(snapshot, { noUpgrade, capReached: total.reason === 'overage-cap-reached' }, m)
      : null;

  return (
    <section class="t-section" aria-label={m.t('basketPlanner')}>
      <h2>{m.t('planABatch')}</h2>
      <div class="t-basket">
        {operations.map((operation) => {
          const text = quantities[operation.id] ?? '';
          return [
            <label key={`${operation.id}-label`} for={`t-basket-${operation.id}`}>
              {operation.plural}
            </label>,
            <input
              key={`${operation.id}-input`}
              id={`t-basket-${operation.id}`}
              class="t-input"
              inputMode="numeric"
              placeholder="0"
              value={text}
              aria-invalid={text !== '' && quantityOf(text) === null}
              onInput={(event) =>
                setQuantities({ ...quantities, [operation.id]: event.currentTarget.value.trim() })
              }
            />,
          ];
        })}
      </div>
      {basket && total && (
        <div class={`t-basket-result t-basket-result--${total.outcome}`} aria-live="polite">
          <ul class="t-list">
            {basket.lines.flatMap((line) => {
              // Every line is of an operation of the list above: the basket is built from it.
              const names = operations.find((operation) => operation.id === line.operation);
              return names ? (
                <li key={line.operation} class="t-muted">
                  {lineText(line, names, noUpgrade, m)}
                </li>
              ) : (
                []
              );
            })}
          </ul>
          <p class="t-basket-result__total" data-testid="basket-total">
            {total.outcome === 'covered'
              ? m.t('basketCovered', { credits: m.tn('credits', total.availableAfter) })
              : total.outcome === 'overage'
                ? m.t('basketOverage', {
                    credits: m.tn('credits', total.overageCredits),
                    usd: m.formats.usd(total.overageUsd),
                  })
                : m.t(noUpgrade ? 'basketShortBy' : 'basketShort', {
                    credits: m.tn('credits', total.overageCredits),
                  })}
          </p>
          {wayOn && <p data-testid="basket-way-on">{wayOn}</p>}
        </div>
      )}
    </section>
  );
}
