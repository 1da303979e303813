import { formatCredits } from '../../../lib/billing/format.ts';
import type { RunOutcome } from './run-operation.ts';

/** What the page says when the server refused an operation, in words a designer acts on. */
export function refusalMessage(
  outcome: Extract<RunOutcome, { kind: 'refused' }>,
  planName: string,
) {
  const { code, quote, askedTally } = outcome;
  const short = quote
    ? `Not enough credits: ${formatCredits(quote.overageCredits)} more needed`
    : '';
  if (code === 'overage_required' && quote) {
    return askedTally
      ? `${short}. The balance changed while Tally was asking; run it again to choose.`
      : `${short} — install Tally or enable the embedded widget to choose.`;
  }
  if (code === 'overage_blocked' && quote) {
    return quote.reason === 'overage-cap-reached'
      ? `${short}, and this month’s overage cap is reached — an admin can raise the cap or upgrade.`
      : `${short}, and the ${planName} plan allows no overage — upgrade to continue.`;
  }
  return outcome.message;
}
