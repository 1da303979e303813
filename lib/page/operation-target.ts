// docs/page-protocol.md: elements with `data-tally-operation` (and optional `data-tally-quantity`) get a cost
// preview on hover and focus. Both widgets find them here, by the same rules.
import { MAX_QUANTITY } from '../billing/quantity.ts';

/** An element of the page that runs an operation, as the page marked it up. */
export interface OperationTarget {
  element: Element;
  operation: string;
  /** null when the page's `data-tally-quantity` is not a whole number from 1 to 10,000. */
  quantity: number | null;
  /** The quantity as the page wrote it ('1' when it wrote none). */
  quantityText: string;
}

const SELECTOR = '[data-tally-operation]';
const WHOLE_NUMBER = /^\d+$/;

/** What an operation element asks for; null when it names no operation. */
export function readOperationTarget(element: Element): OperationTarget | null {
  const operation = element.getAttribute('data-tally-operation');
  if (!operation) return null;
  const quantityText = element.getAttribute('data-tally-quantity') ?? '1';
  const parsed = WHOLE_NUMBER.test(quantityText) ? Number.parseInt(quantityText, 10) : null;
  const quantity = parsed !== null && parsed >= 1 && parsed <= MAX_QUANTITY ? parsed : null;
  return { element, operation, quantity, quantityText };
}

/** The page's operation elements as they are now, each distinct operation and quantity once. */
export function operationTargetsIn(root: ParentNode): OperationTarget[] {
  const seen = new Set<string>();
  const targets: OperationTarget[] = [];
  for (const element of root.querySelectorAll(SELECTOR)) {
    const target = readOperationTarget(element);
    const key = target && `${target.operation}×${target.quantity}`;
    if (!target || !key || seen.has(key)) continue;
    seen.add(key);
    targets.push(target);
  }
  return targets;
}

/**
 * Follows hover and keyboard focus over the page's `data-tally-operation` elements and reports
 * the one under the pointer or focus, or null. Returns the unsubscribe.
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
    onChange(element ? readOperationTarget(element) : null);
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
