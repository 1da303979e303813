import { MAX_QUANTITY } from '../lib/billing/quantity.ts';
import type { Quote } from '../lib/billing/types.ts';
import type { Messages } from '../lib/i18n/messages.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';
import { operationNames } from '../lib/store/display-names.ts';
import { clockTime } from '../lib/store/freshness.ts';
import { noPlanAboveRuns } from '../lib/store/upgrades-running.ts';

/**
 * Where a cost preview goes, in viewport pixels: its left edge, and the top edge when it sits
 * below the element or the bottom edge (`above`) when it sits above, so a preview that wraps
 * onto two lines still never covers the element.
 */
export interface PreviewPlace {
  left: number;
  top: number;
  above?: boolean;
}

/** Room for two lines of preview below the element before it flips above. */
const PREVIEW_HEIGHT = 56;
/** The .t-tooltip max-width in theme.css, and the gap kept from the viewport's edges. */
const PREVIEW_MAX_WIDTH = 340;
const EDGE = 8;
const GAP = 8;

/** Where the preview of `element` goes: below it, or above when there is no room below. */
export function previewPlace(element: Element): PreviewPlace {
  const rect = element.getBoundingClientRect();
  const root = element.ownerDocument.documentElement;
  const below = rect.bottom + GAP;
  const above = below + PREVIEW_HEIGHT > root.clientHeight && rect.top - GAP > PREVIEW_HEIGHT;
  // Far enough from the right edge for the widest preview to fit (it wraps beyond that).
  const left = Math.max(EDGE, Math.min(rect.left, root.clientWidth - PREVIEW_MAX_WIDTH - EDGE));
  return above ? { left, top: rect.top - GAP, above: true } : { left, top: below };
}

/** Above the element, `top` is where the preview's bottom edge goes, whatever its height. */
function placeStyle(at: PreviewPlace) {
  const style = { left: `${at.left}px`, top: `${at.top}px` };
  return at.above ? { ...style, transform: 'translateY(-100%)' } : style;
}

/**
 * "Smart Crop · 1.3 credits · worth $0.0711 of plan credits · 4,568.7 credits left", or what
 * goes past the credits. The dollar figure of a covered operation is what its credits are worth
 * on the plan, not a price: nothing is charged for it.
 */
function costPreviewText(quote: Quote, name: string, noUpgrade: boolean, m: Messages): string {
  const what =
    quote.quantity === 1
      ? name
      : m.t('quantityOf', { count: m.formats.count(quote.quantity), name });
  const head = { what, credits: m.tn('credits', quote.credits) };
  if (quote.outcome === 'covered') {
    const value = m.formats.unitUsd(quote.planValueUsd);
    return m.t('previewCovered', { ...head, value, left: m.tn('credits', quote.availableAfter) });
  }
  const over = { ...head, over: m.tn('credits', quote.overageCredits) };
  if (quote.outcome === 'overage') {
    return m.t('previewOverage', { ...over, usd: m.formats.usd(quote.overageUsd) });
  }
  if (quote.reason === 'overage-cap-reached') return m.t('previewCapReached', over);
  return m.t(noUpgrade ? 'previewNoOverage' : 'previewUpgrade', over);
}

interface CostPreviewProps {
  model: CreditModel;
  operation: string;
  /** null: the page's quantity is not one an operation can run with (see `quantityText`). */
  quantity?: number | null;
  /** The page's quantity as written, for saying why nothing will run. */
  quantityText?: string;
  /** Where to draw it (fixed, in viewport pixels); inline when absent. */
  at?: PreviewPlace;
  id?: string;
}

/** What a preview says for the page's operation and quantity; null when it has nothing true to say. */
export function costPreviewOf(
  model: CreditModel,
  operation: string,
  quantity: number | null,
  quantityText?: string,
): { text: string; outcome: Quote['outcome'] } | null {
  const m = model.messages;
  const name = operationNames(model.catalog.value, operation).name;
  let quote: Quote | null = null;
  let text: string | null = null;
  try {
    quote = quantity === null ? null : model.quoteFor(operation, quantity);
    if (quote) text = costPreviewText(quote, name, noPlanAboveRuns(model, [operation]), m);
  } catch {
    // Falls through to saying why nothing will run.
  }
  if (quantity === null) {
    const written = JSON.stringify(quantityText ?? String(quantity));
    const max = m.formats.count(MAX_QUANTITY);
    text = m.t('previewBadQuantity', { name, quantity: written, max });
  }
  if (!text) return null;
  // Numbers from a snapshot the server no longer confirms: say how old they are.
  const syncedAt = model.lastSyncedAt.value;
  if (quote && model.status.value === 'offline' && syncedAt) {
    const time = clockTime(Date.parse(syncedAt), model.now.value, m.locale);
    text = m.t('asOf', { text, time });
  }
  return { text, outcome: quote?.outcome ?? 'blocked' };
}

/** The hover and focus cost preview: computed locally from the snapshot, no network. */
export function CostPreview({
  model,
  operation,
  quantity = 1,
  quantityText,
  at,
  id,
}: CostPreviewProps) {
  const preview = costPreviewOf(model, operation, quantity, quantityText);
  if (!preview) return null;
  return (
    <div
      id={id}
      role="tooltip"
      class={`t-tooltip t-tooltip--${preview.outcome}`}
      style={at ? placeStyle(at) : { position: 'static' }}
    >
      {preview.text}
    </div>
  );
}
