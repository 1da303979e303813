import { parseCreditChange, parseCredits, parseUsd, sumDecimals } from './decimal.ts';
import { BillingError } from './errors.ts';
import type { AccountState, ChargeDraft, EntryDraft } from './types.ts';

type LedgerEntry = Pick<EntryDraft, 'credits' | 'overageCredits' | 'amountUsd' | 'availableAfter'>;
type LedgerCharge = Pick<ChargeDraft, 'amountUsd'>;

function violation(message: string): never {
  throw new BillingError('ledger_violation', `Ledger identity broken: ${message}`);
}

/**
 * Asserts docs/billing.md's ledger identity over an account's whole ledger (oldest first): each
 * entry's availableAfter is the running sum of credit changes and never negative; the sum is
 * the state's available; held equals the open holds; available + held + used = granted; and,
 * given the charges, they add up to the dollars of the entries.
 */
export function checkLedger(
  entries: LedgerEntry[],
  state: AccountState,
  charges?: LedgerCharge[],
): void {
  try {
    checkAll(entries, state, charges);
  } catch (error) {
    // A malformed or negative amount in the ledger is itself a broken identity.
    if (error instanceof BillingError && error.code === 'invalid_decimal') violation(error.message);
    throw error;
  }
}

function checkAll(entries: LedgerEntry[], state: AccountState, charges?: LedgerCharge[]): void {
  let running = parseCredits('0');
  entries.forEach((entry, index) => {
    running = running.plus(parseCreditChange(entry.credits));
    const after = parseCredits(entry.availableAfter, 'availableAfter');
    if (!after.equals(running)) {
      violation(
        `entry #${index + 1} says ${entry.availableAfter} available after, the entries sum to ${running}.`,
      );
    }
    parseCredits(entry.overageCredits, 'overageCredits');
    parseUsd(entry.amountUsd, 'amountUsd');
  });
  const { available, held, granted, used } = state.credits;
  const balance = {
    available: parseCredits(available, 'available'),
    held: parseCredits(held, 'held'),
    granted: parseCredits(granted, 'granted'),
    used: parseCredits(used, 'used'),
  };
  if (!balance.available.equals(running)) {
    violation(`available is ${available} but the entries sum to ${running}.`);
  }
  const openHolds = sumDecimals(
    state.holds.map((hold) => {
      if (hold.status !== 'pending') violation(`hold ${hold.id} is ${hold.status} but still open.`);
      return parseCredits(hold.credits);
    }),
  );
  if (!balance.held.equals(openHolds)) {
    violation(`held is ${held} but the open holds reserve ${openHolds}.`);
  }
  const accounted = balance.available.plus(balance.held).plus(balance.used);
  if (!accounted.equals(balance.granted)) {
    violation(`available + held + used = ${accounted}, granted is ${granted}.`);
  }
  if (charges) {
    const charged = sumDecimals(charges.map((charge) => parseUsd(charge.amountUsd)));
    const billed = sumDecimals(entries.map((entry) => parseUsd(entry.amountUsd)));
    if (!charged.equals(billed)) violation(`charges total $${charged}, entries bill $${billed}.`);
  }
}
