import { MAX_QUANTITY } from '../lib/billing/quantity';

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

/** An element of the page that runs an operation, and where to show its cost preview. */
export interface OperationTarget {
  operation: string;
  /** null when the page's `data-tally-quantity` is not a whole number from 1 to 10,000. */
  quantity: number | null;
  /** The quantity as the page wrote it. */
  quantityText: string;
  at: PreviewPlace;
}

const SELECTOR = '[data-tally-operation]';
const WHOLE_NUMBER = /^\d+$/;
/** Room for two lines of preview below the element before it flips above. */
const PREVIEW_HEIGHT = 56;
/** The .t-tooltip max-width in theme.css, and the gap kept from the viewport's edges. */
const PREVIEW_MAX_WIDTH = 340;
const EDGE = 8;
const GAP = 8;

function targetOf(element: Element): OperationTarget | null {
  const operation = element.getAttribute('data-tally-operation');
  if (!operation) return null;
  const quantityText = element.getAttribute('data-tally-quantity') ?? '1';
  const parsed = WHOLE_NUMBER.test(quantityText) ? Number.parseInt(quantityText, 10) : null;
  const quantity = parsed !== null && parsed >= 1 && parsed <= MAX_QUANTITY ? parsed : null;
  const rect = element.getBoundingClientRect();
  const root = element.ownerDocument.documentElement;
  const below = rect.bottom + GAP;
  const above = below + PREVIEW_HEIGHT > root.clientHeight && rect.top - GAP > PREVIEW_HEIGHT;
  // Far enough from the right edge for the widest preview to fit (it wraps beyond that).
  const left = Math.max(EDGE, Math.min(rect.left, root.clientWidth - PREVIEW_MAX_WIDTH - EDGE));
  return {
    operation,
    quantity,
    quantityText,
    at: above ? { left, top: rect.top - GAP, above: true } : { left, top: below },
  };
}

/**
 * Follows hover and keyboard focus over the page's `data-tally-operation` elements (API.md)
 * and reports the one under the pointer or focus, or null. Returns the unsubscribe.
 */
export function watchOperationTargets(
  page: Document,
  onChange: (target: OperationTarget | null) => void,
): () => void {
  let current: Element | null = null;
  const enter = (event: Event) => {
    const element = event.target instanceof Element ? event.target.closest(SELECTOR) : null;
    if (element === current) return;
    current = element;
    onChange(element ? targetOf(element) : null);
  };
  const leave = (event: Event) => {
    const next = (event as FocusEvent).relatedTarget;
    if (current && next instanceof Node && current.contains(next)) return;
    current = null;
    onChange(null);
  };
  const events: [string, EventListener][] = [
    ['pointerover', enter],
    ['focusin', enter],
    ['pointerout', leave],
    ['focusout', leave],
  ];
  for (const [type, listener] of events) page.addEventListener(type, listener, true);
  return () => {
    for (const [type, listener] of events) page.removeEventListener(type, listener, true);
  };
}
