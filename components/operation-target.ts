/** An element of the page that runs an operation, and where to show its cost preview. */
export interface OperationTarget {
  operation: string;
  quantity: number;
  at: { left: number; top: number };
}

const SELECTOR = '[data-tally-operation]';
const WHOLE_NUMBER = /^\d+$/;
/** Room for one line of preview below the element before it flips above. */
const PREVIEW_HEIGHT = 40;

function targetOf(element: Element): OperationTarget | null {
  const operation = element.getAttribute('data-tally-operation');
  if (!operation) return null;
  const quantityText = element.getAttribute('data-tally-quantity') ?? '1';
  const quantity = WHOLE_NUMBER.test(quantityText) ? Number.parseInt(quantityText, 10) : 1;
  const rect = element.getBoundingClientRect();
  const viewportHeight = element.ownerDocument.defaultView?.innerHeight ?? 0;
  const below = rect.bottom + 8;
  const top = below + PREVIEW_HEIGHT > viewportHeight ? rect.top - PREVIEW_HEIGHT : below;
  return { operation, quantity, at: { left: Math.max(8, rect.left), top } };
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
