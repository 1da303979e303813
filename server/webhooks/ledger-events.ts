import {
  type WebhookEventData,
  WebhookEventSchema,
  type WebhookEventType,
} from '../../lib/api/schemas/webhooks.ts';
import type { FiredAlert } from '../../lib/billing/index.ts';
import type { Instant, PlanChangePreview } from '../../lib/billing/types.ts';
import { newId } from '../auth.ts';
import type { Charge } from '../ledger/ledger.ts';
import { checked } from '../validate.ts';
import type { OutboxEvent } from './outbox-changes.ts';

// The webhook events a ledger change causes (docs/api.md "Webhooks"), built inside its transaction.

/**
 * An event of `type` about `data.accountId`, at the server's `at`. member.removed and
 * upgrade.requested have no change to come from yet: the routes that remove a member or record an
 * upgrade request add theirs with this, in the same transaction.
 */
export function outboxEvent<T extends WebhookEventType>(
  type: T,
  data: WebhookEventData[T],
  at: Instant,
): OutboxEvent {
  // Checked like any answer: an event that breaks the contract rolls its change back.
  const body = checked(WebhookEventSchema, { type, timestamp: at, data });
  return { id: newId('evt'), accountId: data.accountId, type, at, body: JSON.stringify(body) };
}

/** Every charge, the opening subscription, renewals, plan changes and overage alike. */
export function chargeCreated(accountId: string, charge: Charge, at: Instant): OutboxEvent {
  return outboxEvent(
    'charge.created',
    {
      accountId,
      chargeId: charge.id,
      kind: charge.kind,
      amountUsd: charge.amountUsd,
      ...(charge.entryId === undefined ? {} : { entryId: charge.entryId }),
    },
    at,
  );
}

export function planChanged(
  accountId: string,
  preview: PlanChangePreview,
  at: Instant,
): OutboxEvent {
  return outboxEvent(
    'plan.changed',
    { accountId, fromPlanId: preview.from, toPlanId: preview.to, chargeUsd: preview.chargeUsd },
    at,
  );
}

export function balanceAlert(accountId: string, alert: FiredAlert, at: Instant): OutboxEvent {
  const { available, granted } = alert;
  return alert.threshold === 'exhausted'
    ? outboxEvent('balance.exhausted', { accountId, available, granted }, at)
    : outboxEvent('balance.low', { accountId, threshold: alert.threshold, available, granted }, at);
}
