export type BillingErrorCode =
  | 'invalid_decimal'
  | 'invalid_quantity'
  | 'invalid_instant'
  | 'start_in_future'
  | 'start_too_early'
  | 'unknown_operation'
  | 'unknown_plan'
  | 'invalid_catalog'
  | 'invalid_request'
  | 'ledger_violation';

/** A rule of docs/billing.md refused an input; `message` is written for a person. */
export class BillingError extends Error {
  readonly code: BillingErrorCode;

  constructor(code: BillingErrorCode, message: string) {
    super(message);
    this.name = 'BillingError';
    this.code = code;
  }
}

/** What to show a person for a failure: an Error's message, or the thrown value as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
