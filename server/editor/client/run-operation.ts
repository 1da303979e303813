// One click on an operation, by the page protocol (docs/page-protocol.md): ask Tally first, then have the
// page's backend record the usage, then tell the widget so it refreshes at once.
import type { Entry } from '../../../lib/api/schemas/entry.ts';
import type { Quote } from '../../../lib/api/schemas/quote.ts';
import type { Snapshot } from '../../../lib/api/schemas/snapshot.ts';
import { preflight, usageRecorded } from '../../../lib/page/page-side.ts';
import type { DemoMemberKey } from '../demo-member.ts';
import { recordOperation } from './editor-backend.ts';

export type RunOutcome =
  | { kind: 'recorded'; entry: Entry; snapshot: Snapshot; askedTally: boolean }
  | { kind: 'cancelled' }
  | {
      kind: 'refused';
      code: string;
      message: string;
      quote: Quote | undefined;
      /** False when no Tally widget answered: the server's 402 was the only check. */
      askedTally: boolean;
    };

/** How long a Tally widget has to take a preflight before the page goes on without it. */
const WIDGET_TIMEOUT_MS = 1500;

export async function runOperation(
  operation: string,
  quantity: number,
  as: DemoMemberKey,
  onWidgetDeciding: () => void = () => {},
): Promise<RunOutcome> {
  const decision = await preflight(operation, quantity, {
    timeoutMs: WIDGET_TIMEOUT_MS,
    onReceived: onWidgetDeciding,
  });
  if (decision.decision === 'cancel') return { kind: 'cancelled' };
  const askedTally = decision.decision === 'proceed';
  // Overage is accepted only when the user consented in Tally's dialog (or the policy is auto).
  const overage = decision.decision === 'proceed' && decision.overage ? 'accept' : 'deny';

  const answer = await recordOperation({ operation, quantity, overage, as }, newKey());
  if (!answer.ok) {
    return {
      kind: 'refused',
      code: answer.error.code,
      message: answer.error.message,
      quote: quoteIn(answer.error.details),
      askedTally,
    };
  }
  usageRecorded(operation, quantity);
  return { kind: 'recorded', ...answer.value, askedTally };
}

// The page's own backend sent it (a 402's details.quote): checked only for what the page reads.
function quoteIn(details: Record<string, unknown> | undefined): Quote | undefined {
  const quote = details?.quote as Partial<Quote> | undefined;
  return typeof quote?.overageCredits === 'string' && typeof quote.outcome === 'string'
    ? (quote as Quote)
    : undefined;
}

// One key per click: a retried request cannot record the operation twice.
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `editor-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
