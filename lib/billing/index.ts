// The billing rules of shared/BILLING.md: pure functions over decimal strings and instants.
export type { AccountDescription } from './account';
export { apply, describeAccount, openAccount } from './account';
export { isLow } from './balance';
export type { FiredAlert } from './balance-alerts';
export { balanceAlerts, DEFAULT_ALERT_THRESHOLDS } from './balance-alerts';
export type { BasketAccount, BasketLine, BasketQuote, BasketTotal } from './basket';
export { quoteBasket } from './basket';
export { maxOperations, remainingOperations } from './capacity';
export { demoCatalog } from './catalog';
export { findPlan, operationName } from './catalog-lookup';
export { accountQuote } from './consent';
export { creditValue, operationValue } from './credit-value';
export { addMonths, renewalsBetween, termBounds, termIndexAt } from './cycle';
export {
  Decimal,
  parseCredits,
  parseUsd,
  roundCents,
  roundUnitUsd,
  toCreditsString,
  toUsdString,
} from './decimal';
export type { BillingErrorCode } from './errors';
export { BillingError } from './errors';
export {
  formatCompactCredits,
  formatCreditAmount,
  formatCredits,
  formatDate,
  formatResetDate,
  formatUnitUsd,
  formatUsd,
} from './format';
export { checkLedger } from './ledger-check';
export type { NewAccount } from './opening';
export { previewPlanChange } from './plan-change';
export { assertQuantity, MAX_QUANTITY } from './quantity';
export type { QuoteRequest } from './quote';
export { quote } from './quote';
export { rateOf } from './rate';
export { holdNotPendingMessage } from './refusals';
export type * from './types';
export { validateCatalog } from './validate-catalog';
