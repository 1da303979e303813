import { useEffect, useState } from 'preact/hooks';
import { CostPreview } from '../components/CostPreview.tsx';
import { type OperationTarget, watchOperationTargets } from '../components/operation-target.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';

/** The cost preview beside the page's `data-tally-operation` element under the pointer or focus. */
export function HoverPreview({ model, page }: { model: CreditModel; page: Document }) {
  const [target, setTarget] = useState<OperationTarget | null>(null);
  useEffect(() => watchOperationTargets(page, setTarget), [page]);
  if (!target) return null;
  return (
    <CostPreview
      model={model}
      operation={target.operation}
      quantity={target.quantity}
      quantityText={target.quantityText}
      at={target.at}
    />
  );
}
