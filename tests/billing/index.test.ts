import { expect, test } from 'vitest';
import * as billing from '../../lib/billing/index';

test('lib/billing/index.ts exports the whole public API other areas code against', () => {
  const names = [
    'apply',
    'openAccount',
    'describeAccount',
    'previewPlanChange',
    'checkLedger',
    'accountQuote',
    'quote',
    'quoteBasket',
    'maxOperations',
    'remainingOperations',
    'creditValue',
    'operationValue',
    'addMonths',
    'termBounds',
    'termIndexAt',
    'renewalsBetween',
    'demoCatalog',
    'validateCatalog',
    'findPlan',
    'rateOf',
    'formatCredits',
    'formatCreditAmount',
    'formatUsd',
    'formatUnitUsd',
    'formatCompactCredits',
    'formatResetDate',
    'formatDate',
    'parseCredits',
    'parseUsd',
    'roundCents',
    'roundUnitUsd',
    'toCreditsString',
    'toUsdString',
    'isLow',
    'BillingError',
    'Decimal',
  ];
  const missing = names.filter((name) => !(name in billing));
  expect(missing).toEqual([]);
});
