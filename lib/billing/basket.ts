import { parseCredits, parseUsd, sumDecimals, toCreditsString, toUsdString } from './decimal.ts';
import { quote } from './quote.ts';
import type {
  BlockedReason,
  Credits,
  OperationId,
  OverageState,
  Plan,
  Quote,
  QuoteOutcome,
  Usd,
} from './types.ts';

export interface BasketLine {
  operation: OperationId;
  quantity: number;
}

export interface BasketTotal {
  credits: Credits;
  fromPlan: Credits;
  overageCredits: Credits;
  overageUsd: Usd;
  availableAfter: Credits;
  outcome: QuoteOutcome;
  reason?: BlockedReason;
}

export interface BasketQuote {
  lines: Quote[];
  total: BasketTotal;
}

export interface BasketAccount {
  plan: Plan;
  available: Credits;
  overage: OverageState;
}

/**
 * A basket is quoted line by line in order, each line drawing on what the previous lines left
 * (docs/billing.md: 100 Smart Crops leave 370, then 83 Background Removals leave 137.6). Earlier
 * lines' overage counts against the cap of later ones.
 */
export function quoteBasket(account: BasketAccount, lines: BasketLine[]): BasketQuote {
  const quotes: Quote[] = [];
  let available = account.available;
  let overage = account.overage;
  for (const line of lines) {
    const lineQuote = quote({ plan: account.plan, available, overage, ...line });
    quotes.push(lineQuote);
    available = lineQuote.availableAfter;
    overage = {
      ...overage,
      creditsThisCycle: toCreditsString(
        parseCredits(overage.creditsThisCycle).plus(parseCredits(lineQuote.overageCredits)),
      ),
      usdThisCycle: toUsdString(
        parseUsd(overage.usdThisCycle).plus(parseUsd(lineQuote.overageUsd)),
      ),
    };
  }
  const sum = (pick: (line: Quote) => string) =>
    sumDecimals(quotes.map((line) => parseCredits(pick(line))));
  const blocked = quotes.find((line) => line.outcome === 'blocked');
  const total: BasketTotal = {
    credits: toCreditsString(sum((line) => line.credits)),
    fromPlan: toCreditsString(sum((line) => line.fromPlan)),
    overageCredits: toCreditsString(sum((line) => line.overageCredits)),
    overageUsd: toUsdString(sumDecimals(quotes.map((line) => parseUsd(line.overageUsd)))),
    availableAfter: available,
    outcome: blocked
      ? 'blocked'
      : quotes.some((line) => line.outcome === 'overage')
        ? 'overage'
        : 'covered',
  };
  if (blocked?.reason) total.reason = blocked.reason;
  return { lines: quotes, total };
}
