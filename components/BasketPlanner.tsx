import { useState } from 'preact/hooks';
import { type BasketLine, quoteBasket } from '../lib/billing/basket.ts';
import { formatCreditAmount, formatCredits, formatUsd } from '../lib/billing/format.ts';
import { MAX_QUANTITY } from '../lib/billing/quantity.ts';
import type { Quote } from '../lib/billing/types.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';
import { countOf, type OperationNames } from '../lib/store/display-names.ts';

const WHOLE_NUMBER = /^\d+$/;

function quantityOf(text: string): number | null {
  if (!WHOLE_NUMBER.test(text)) return null;
  const quantity = Number.parseInt(text, 10);
  return quantity <= MAX_QUANTITY ? quantity : null;
}

function lineText(line: Quote, names: OperationNames): string {
  const base = `${countOf(line.quantity, names)} · ${formatCreditAmount(line.credits)} credits`;
  if (line.outcome === 'covered')
    return `${base} · ${formatCreditAmount(line.availableAfter)} left`;
  const over = `${formatCreditAmount(line.overageCredits)} over`;
  return line.outcome === 'overage'
    ? `${base} · ${over} · ${formatUsd(line.overageUsd)} overage`
    : `${base} · ${over} · needs an upgrade`;
}

/**
 * "What if I do 100 Smart Crops and 83 Background Removals?": quoted line by line in order,
 * each line drawing on what the previous ones left (BILLING.md, basket).
 */
export function BasketPlanner({ model }: { model: CreditModel }) {
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
            overage: snapshot.overage,
          },
          lines,
        )
      : null;
  const total = basket?.total;

  return (
    <section class="t-section" aria-label="Basket planner">
      <h2>Plan a batch</h2>
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
                  {lineText(line, names)}
                </li>
              ) : (
                []
              );
            })}
          </ul>
          <p class="t-basket-result__total" data-testid="basket-total">
            {total.outcome === 'covered'
              ? `${formatCredits(total.availableAfter)} left`
              : total.outcome === 'overage'
                ? `${formatCredits(total.overageCredits)} over · ${formatUsd(total.overageUsd)} overage`
                : `${formatCredits(total.overageCredits)} short · upgrade to go on`}
          </p>
        </div>
      )}
    </section>
  );
}
