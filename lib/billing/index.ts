// The billing rules of docs/billing.md: pure functions over decimal strings and instants.
export type { AccountDescription } from './account.ts';
export { apply, describeAccount, openAccount } from './account.ts';
export type { FiredAlert } from './balance-alerts.ts';
export {
  alertsSince,
  balanceAlerts,
  DEFAULT_ALERT_THRESHOLDS,
  firedThisTerm,
} from './balance-alerts.ts';
export type { BasketAccount, BasketLine, BasketQuote, BasketTotal } from './basket.ts';
export { quoteBasket } from './basket.ts';
export { isLow, maxOperations, remainingOperations } from './capacity.ts';
export { demoCatalog, findPlan, operationName, rateOf } from './catalog.ts';
export { formatCompactCredits } from './compact-credits.ts';
export { accountQuote } from './consent.ts';
export { creditValue, operationValue } from './credit-value.ts';
export { addMonths, renewalsBetween, termBounds, termIndexAt } from './cycle.ts';
export {
  Decimal,
  parseCredits,
  parseUsd,
  roundCents,
  roundUnitUsd,
  toCreditsString,
  toUsdString,
} from './decimal.ts';
export type { BillingErrorCode } from './errors.ts';
export { BillingError } from './errors.ts';
export {
  formatCreditAmount,
  formatCredits,
  formatDate,
  formatResetDate,
  formatUnitUsd,
  formatUsd,
} from './format.ts';
export { accountInsight } from './insight.ts';
export { checkLedger } from './ledger-check.ts';
export type { NewAccount } from './opening.ts';
export { previewPlanChange } from './plan-change.ts';
export { assertQuantity, MAX_QUANTITY } from './quantity.ts';
export type { QuoteRequest } from './quote.ts';
export { quote } from './quote.ts';
export { holdNotPendingMessage } from './refusals.ts';
export type * from './types.ts';
export { paceWindow, withUsageTally } from './usage-tally.ts';
