// API.md: elements with `data-tally-operation` (and optional `data-tally-quantity`) get a cost
// preview on hover and focus. Both widgets find them the same way.

export interface OperationTarget {
  element: Element;
  operation: string;
  quantity: number;
}

const QUANTITY = /^[1-9]\d{0,4}$/;

/** The operation element at or around an event target, or null; a bad quantity reads as 1. */
export function findOperationTarget(target: EventTarget | null): OperationTarget | null {
  if (!target || typeof (target as Element).closest !== 'function') return null;
  const element = (target as Element).closest('[data-tally-operation]');
  const operation = element?.getAttribute('data-tally-operation');
  if (!element || !operation) return null;
  const written = element.getAttribute('data-tally-quantity') ?? '';
  const quantity = QUANTITY.test(written) ? Number.parseInt(written, 10) : 1;
  return { element, operation, quantity: quantity <= 10_000 ? quantity : 1 };
}
