import { BillingError } from './errors.ts';

/** What a decimal written as text must be: which amount it is, how many places, signed or not. */
export interface DecimalRule {
  what: string;
  maxPlaces?: number;
  signed?: boolean;
}

/** Credits are milli-credits at the finest (docs/billing.md, Numbers). */
export const CREDIT_PLACES = 3;

export const CREDITS: DecimalRule = { what: 'A credit amount', maxPlaces: CREDIT_PLACES };
export const CREDIT_CHANGE: DecimalRule = {
  what: 'A credit change',
  maxPlaces: CREDIT_PLACES,
  signed: true,
};
/** Dollars keep every digit they are given (a unit price has more than cents). */
export const USD: DecimalRule = { what: 'A dollar amount' };

const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Checks a decimal written as text against its rule by reading the text alone, with no
 * arithmetic, so code that only shows amounts (the content script's formatting) carries no
 * decimal library. Returns the text unchanged; anything else throws a BillingError.
 */
export function checkDecimalText(value: unknown, rule: DecimalRule): string {
  const match = typeof value === 'string' ? DECIMAL_TEXT.exec(value) : null;
  if (!match) {
    throw new BillingError(
      'invalid_decimal',
      `${rule.what} must be a decimal number written as text, like "12.5"; got ${JSON.stringify(value)}.`,
    );
  }
  const [text, sign, whole = '', fraction = ''] = match;
  if (!rule.signed && sign && /[1-9]/.test(whole + fraction)) {
    throw new BillingError('invalid_decimal', `${rule.what} cannot be negative; got "${text}".`);
  }
  // Trailing zeros are not places: "1.500" has one, as decimal.js counts them.
  const places = fraction.replace(/0+$/, '').length;
  if (rule.maxPlaces !== undefined && places > rule.maxPlaces) {
    throw new BillingError(
      'invalid_decimal',
      `${rule.what} can have at most ${rule.maxPlaces} decimal places; got "${text}".`,
    );
  }
  return text;
}
