// What the page side checks before it sends anything: the same limits the API enforces
// (API.md: quantity is a positive integer, at most 10,000), so a mistake fails loudly in the
// page's code instead of being silently ignored by every widget.

export const MAX_QUANTITY = 10_000;

export function assertOperationRequest(operation: string, quantity: number, caller: string): void {
  if (typeof operation !== 'string' || operation.length === 0 || operation.length > 100) {
    throw new RangeError(
      `${caller}: operation must be an operation id, got ${JSON.stringify(operation)}`,
    );
  }
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    throw new RangeError(
      `${caller}: quantity must be a whole number from 1 to ${MAX_QUANTITY}, got ${quantity}`,
    );
  }
}
