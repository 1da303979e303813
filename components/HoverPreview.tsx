import { useEffect, useState } from 'preact/hooks';
import { type OperationTarget, watchOperationTargets } from '../lib/page/operation-target.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';
import { CostPreview, costPreviewOf, type PreviewPlace, previewPlace } from './CostPreview.tsx';

/**
 * The cost preview beside the page's `data-tally-operation` element under the pointer or focus,
 * and the same words in a polite live region: a `role="tooltip"` in a shadow root cannot be
 * linked to a page's button (aria-describedby does not cross the boundary), so it is announced.
 */
export function HoverPreview({ model, page }: { model: CreditModel; page: Document }) {
  const [target, setTarget] = useState<(OperationTarget & { at: PreviewPlace }) | null>(null);
  useEffect(
    () =>
      watchOperationTargets(page, (found) =>
        setTarget(found && { ...found, at: previewPlace(found.element) }),
      ),
    [page],
  );
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
