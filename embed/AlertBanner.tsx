import type { ReadonlySignal } from '@preact/signals';
import { useState } from 'preact/hooks';
import type { AlertEvent } from '../lib/api/schemas/snapshot.ts';
import { formatCreditAmount } from '../lib/billing/format.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';

/** The words of one low-balance alert (BILLING.md), named after the account it is about. */
export function alertText(alert: AlertEvent, account: string): string {
  return alert.threshold === 'exhausted'
    ? `${account} has no credits left`
    : `${account} is down to ${alert.threshold} % of this term’s credits: ${formatCreditAmount(alert.available)} left`;
}

interface AlertBannerProps {
  alert: ReadonlySignal<AlertEvent | null>;
  model: CreditModel;
}

/**
 * The last alert heard on the stream, until dismissed; the next alert shows again. The Snapshot
 * that fired it arrives first, so the account's name is there.
 */
export function AlertBanner({ alert, model }: AlertBannerProps) {
  const [dismissed, setDismissed] = useState<AlertEvent | null>(null);
  const heard = alert.value;
  if (!heard || heard === dismissed) return null;
  const account = model.snapshot.value?.account.name ?? 'Your account';
  return (
    <div class="t-embed-alert" role="alert" data-threshold={heard.threshold}>
      <span>{alertText(heard, account)}</span>
      <button type="button" class="t-button t-button--quiet" onClick={() => setDismissed(heard)}>
        Dismiss
      </button>
    </div>
  );
}
