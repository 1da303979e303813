import type { CreditModel } from '../lib/store/credit-model.ts';
import { countOf } from '../lib/store/display-names.ts';
import { useMessages } from './messages-context.ts';

/** How many of each operation the available credits still cover (floor, never rounded up). */
export function RemainingOperations({ model }: { model: CreditModel }) {
  const m = useMessages();
  const operations = model.operations.value;
  if (operations.length === 0) return null;
  return (
    <section class="t-section" aria-label={m.t('remainingOperations')}>
      <h2>{m.t('enoughFor')}</h2>
      <ul class="t-list">
        {operations.map((operation) => (
          <li key={operation.id}>
            <span class="t-count">{countOf(operation.remaining, operation, m)}</span>
            <span class="t-muted">{m.tn('creditsEach', operation.rate)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
