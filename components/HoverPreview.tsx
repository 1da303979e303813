import { useEffect, useState } from 'preact/hooks';
import type { CreditModel } from '../lib/store/credit-model';
import { CostPreview, costPreviewOf } from './CostPreview';
import { type OperationTarget, watchOperationTargets } from './operation-target';

/**
 * The cost preview beside the page's `data-tally-operation` element under the pointer or focus,
 * and the same words in a polite live region: a `role="tooltip"` in a shadow root cannot be
 * linked to a page's button (aria-describedby does not cross the boundary), so it is announced.
 */
export function HoverPreview({ model, page }: { model: CreditModel; page: Document }) {
  const [target, setTarget] = useState<OperationTarget | null>(null);
  useEffect(() => watchOperationTargets(page, setTarget), [page]);
  const said = target
    ? costPreviewOf(model, target.operation, target.quantity, target.quantityText)?.text
    : undefined;
  return (
    <>
      {target && (
        <CostPreview
          model={model}
          operation={target.operation}
          quantity={target.quantity}
          quantityText={target.quantityText}
          at={target.at}
        />
      )}
      <p class="t-visually-hidden" aria-live="polite" data-testid="preview-announcement">
        {said ?? ''}
      </p>
    </>
  );
}
