import { formatCreditAmount, formatUnitUsd, formatUsd } from '../lib/billing/format';
import type { Quote } from '../lib/billing/types';
import type { CreditModel } from '../lib/store/credit-model';
import { operationNames } from '../lib/store/operation-names';
import type { PreviewPlace } from './operation-target';

/** Above the element, `top` is where the preview's bottom edge goes, whatever its height. */
function placeStyle(at: PreviewPlace) {
  const style = { left: `${at.left}px`, top: `${at.top}px` };
  return at.above ? { ...style, transform: 'translateY(-100%)' } : style;
}

/** "Smart Crop · 1.3 credits · $0.0711 · 4,568.7 left", or what goes past the credits. */
export function costPreviewText(quote: Quote, name: string): string {
  const what = quote.quantity === 1 ? name : `${quote.quantity.toLocaleString('en-US')} × ${name}`;
  const head = `${what} · ${formatCreditAmount(quote.credits)} credits`;
  if (quote.outcome === 'covered') {
    return `${head} · ${formatUnitUsd(quote.planValueUsd)} · ${formatCreditAmount(quote.availableAfter)} left`;
  }
  const over = `${formatCreditAmount(quote.overageCredits)} over`;
  if (quote.outcome === 'overage')
    return `${head} · ${over} · ${formatUsd(quote.overageUsd)} overage`;
  return quote.reason === 'overage-cap-reached'
    ? `${head} · ${over} · overage cap reached`
    : `${head} · ${over} · upgrade to go on`;
}

interface CostPreviewProps {
  model: CreditModel;
  operation: string;
  quantity?: number;
  /** Where to draw it (fixed, in viewport pixels); inline when absent. */
  at?: PreviewPlace;
  id?: string;
}

/** The hover and focus cost preview: computed locally from the snapshot, no network. */
export function CostPreview({ model, operation, quantity = 1, at, id }: CostPreviewProps) {
  let quote: Quote | null = null;
  try {
    quote = model.quoteFor(operation, quantity);
  } catch {
    // An impossible quantity from the page's markup: say nothing rather than something wrong.
  }
  if (!quote) return null;
  const text = costPreviewText(quote, operationNames(model.catalog.value, operation).name);
  return (
    <div
      id={id}
      role="tooltip"
      class={`t-tooltip t-tooltip--${quote.outcome}`}
      style={at ? placeStyle(at) : { position: 'static' }}
    >
      {text}
    </div>
  );
}
