import type { ReadonlySignal } from '@preact/signals';
import { useState } from 'preact/hooks';
import { useMessages } from '../components/messages-context.ts';
import type { AlertEvent } from '../lib/api/schemas/snapshot.ts';
import type { Messages } from '../lib/i18n/messages.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';

/** The words of one low-balance alert (docs/billing.md), named after the account it is about. */
export function alertText(alert: AlertEvent, account: string, m: Messages): string {
  return alert.threshold === 'exhausted'
    ? m.t('bannerExhausted', { account })
    : m.t('bannerLow', {
        account,
        percent: alert.threshold,
        amount: m.formats.creditAmount(alert.available),
      });
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
  const m = useMessages();
  const [dismissed, setDismissed] = useState<AlertEvent | null>(null);
  const heard = alert.value;
  if (!heard || heard === dismissed) return null;
  const account = model.snapshot.value?.account.name ?? m.t('yourAccount');
  return (
    <div class="t-embed-alert" role="alert" data-threshold={heard.threshold}>
      <span>{alertText(heard, account, m)}</span>
      <button type="button" class="t-button t-button--quiet" onClick={() => setDismissed(heard)}>
        {m.t('dismiss')}
      </button>
    </div>
  );
}
