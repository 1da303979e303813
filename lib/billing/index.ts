// The billing rules of shared/BILLING.md: pure functions over decimal strings and instants.
export { balanceRatio, isLow } from './balance';
export type { BasketAccount, BasketLine, BasketQuote, BasketTotal } from './basket';
export { quoteBasket } from './basket';
export { maxOperations, remainingOperations } from './capacity';
export { demoCatalog, findPlan, rateOf, validateCatalog } from './catalog';
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
export { assertQuantity, MAX_QUANTITY } from './quantity';
export type { QuoteRequest } from './quote';
export { quote } from './quote';
export type * from './types';
