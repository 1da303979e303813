import * as z from '../zod.ts';
import { CreditsSchema, IdSchema, InstantSchema, UsdSchema } from './decimal.ts';

// Webhooks (docs/api.md "Webhooks"): the endpoints an operator registers, what their deliveries
// record, and the events a vendor's backend receives, signed per Standard Webhooks.

export const webhookEventTypes = [
  'charge.created',
  'plan.changed',
  'balance.low',
  'balance.exhausted',
  'member.removed',
  'upgrade.requested',
] as const;

export const WebhookEventTypeSchema = z.enum(webhookEventTypes);

const MAX_URL_LENGTH = 2000;

export const CreateWebhookEndpointRequestSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).check(z.maxLength(MAX_URL_LENGTH)),
  events: z.array(WebhookEventTypeSchema).check(
    z.minLength(1),
    z.refine((types) => new Set(types).size === types.length, 'each event type once'),
  ),
});

export const WebhookEndpointSchema = z.object({
  id: IdSchema,
  url: z.string(),
  events: z.array(WebhookEventTypeSchema),
  createdAt: InstantSchema,
});

/** `secret` (`whsec_` + base64) is shown here only; a replay of the request shows null. */
export const CreateWebhookEndpointResultSchema = z.object({
  endpoint: WebhookEndpointSchema,
  secret: z.nullable(z.string().check(z.regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/))),
});

export const WebhookEndpointsSchema = z.object({ endpoints: z.array(WebhookEndpointSchema) });

/**
 * One attempt to deliver an event to an endpoint, `attempt` counting from 1. `status` is where
 * the delivery stands after it: `succeeded` (a 2xx), `pending` (retried at `nextAttemptAt`) or
 * `failed` (no retries left). `responseStatus` is null when no answer came within 15 s.
 */
export const WebhookDeliverySchema = z.object({
  id: IdSchema,
  eventId: IdSchema,
  type: WebhookEventTypeSchema,
  attempt: z.int().check(z.minimum(1)),
  status: z.enum(['pending', 'succeeded', 'failed']),
  responseStatus: z.nullable(z.int()),
  at: InstantSchema,
  nextAttemptAt: z.nullable(InstantSchema),
});

/** Newest first; `next` is the `before` cursor of the following page, null at the end. */
export const WebhookDeliveriesPageSchema = z.object({
  deliveries: z.array(WebhookDeliverySchema),
  next: z.nullable(z.string()),
});

export const WebhookEndpointParamSchema = z.strictObject({ id: IdSchema });

export const WebhookRetryParamSchema = z.strictObject({ id: IdSchema, eventId: IdSchema });

export const WebhookRetryRequestSchema = z.strictObject({});

/** `202` of a retry: the delivery is due now (an attempt under way at that moment answers it). */
export const WebhookRetryResultSchema = z.object({});

const threshold = z.int().check(z.minimum(1), z.maximum(99));

/** Each event's `data`, always with the account it is about. */
const eventData = {
  'charge.created': z.object({
    accountId: IdSchema,
    chargeId: IdSchema,
    kind: z.enum(['subscription', 'overage']),
    amountUsd: UsdSchema,
    entryId: z.exactOptional(IdSchema),
  }),
  'plan.changed': z.object({
    accountId: IdSchema,
    fromPlanId: IdSchema,
    toPlanId: IdSchema,
    chargeUsd: UsdSchema,
  }),
  'balance.low': z.object({
    accountId: IdSchema,
    threshold,
    available: CreditsSchema,
    granted: CreditsSchema,
  }),
  'balance.exhausted': z.object({
    accountId: IdSchema,
    available: CreditsSchema,
    granted: CreditsSchema,
  }),
  'member.removed': z.object({ accountId: IdSchema, memberId: IdSchema }),
  'upgrade.requested': z.object({
    accountId: IdSchema,
    requestId: IdSchema,
    memberId: IdSchema,
    planId: IdSchema,
  }),
};

function event<T extends WebhookEventType, D extends z.ZodMiniObject>(type: T, data: D) {
  return z.object({ type: z.literal(type), timestamp: InstantSchema, data });
}

/** The body of a webhook: `timestamp` is the event's instant on the server's clock. */
export const WebhookEventSchema = z.discriminatedUnion('type', [
  event('charge.created', eventData['charge.created']),
  event('plan.changed', eventData['plan.changed']),
  event('balance.low', eventData['balance.low']),
  event('balance.exhausted', eventData['balance.exhausted']),
  event('member.removed', eventData['member.removed']),
  event('upgrade.requested', eventData['upgrade.requested']),
]);

export type WebhookEventType = z.infer<typeof WebhookEventTypeSchema>;
export type CreateWebhookEndpointRequest = z.infer<typeof CreateWebhookEndpointRequestSchema>;
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;
export type WebhookEvent = z.infer<typeof WebhookEventSchema>;
export type WebhookEventData = { [T in WebhookEventType]: z.infer<(typeof eventData)[T]> };
