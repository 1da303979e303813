// What the page side checks before it sends anything: the same limits the API enforces
// (docs/page-protocol.md: quantity is a positive integer, at most 10,000), so a mistake fails loudly in the
// page's code instead of being silently ignored by every widget.

export const MAX_QUANTITY = 10_000;
const MAX_ID_LENGTH = 100;

/** An operation or request id: 1 to 100 characters. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= MAX_ID_LENGTH;
}

/** A quantity: a whole number from 1 to MAX_QUANTITY. */
export function isQuantity(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_QUANTITY;
}

/** A JSON object (what an event's detail must be before its fields are read). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function assertOperationRequest(operation: string, quantity: number, caller: string): void {
  if (!isId(operation)) {
    throw new RangeError(
      `${caller}: operation must be an operation id, got ${JSON.stringify(operation)}`,
    );
  }
  if (!isQuantity(quantity)) {
    throw new RangeError(
      `${caller}: quantity must be a whole number from 1 to ${MAX_QUANTITY}, got ${quantity}`,
    );
  }
}
