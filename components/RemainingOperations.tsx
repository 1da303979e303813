import { formatCreditAmount } from '../lib/billing/format.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';
import { countOf } from '../lib/store/display-names.ts';

/** How many of each operation the available credits still cover (floor, never rounded up). */
export function RemainingOperations({ model }: { model: CreditModel }) {
  const operations = model.operations.value;
  if (operations.length === 0) return null;
  return (
    <section class="t-section" aria-label="Remaining operations">
      <h2>Enough for</h2>
      <ul class="t-list">
        {operations.map((operation) => (
          <li key={operation.id}>
            <span class="t-count">{countOf(operation.remaining, operation)}</span>
            <span class="t-muted">{formatCreditAmount(operation.rate)} credits each</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
