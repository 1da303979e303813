import { Webhook, WebhookVerificationError } from 'standardwebhooks';

/** What the demo's receiver shows of one webhook that arrived. */
export interface Arrival {
  webhookId: string;
  receivedAt: string;
  type: string;
  /** The event's `data`, as sent (shown whether or not the signature verified). */
  data: unknown;
  verified: boolean;
  /** Why the signature did not verify. */
  problem?: string;
}

/** Arrivals kept for the page, newest first; older ones are dropped. */
const KEPT = 50;

/**
 * The demo editor's webhook receiver: what a vendor's backend does with Tally's webhooks, in
 * memory. It knows the secret of the endpoint it registered (a restart forgets it, and the page
 * offers to register again), verifies each arrival with the Standard Webhooks library and keeps
 * the newest for the page to list.
 */
export class WebhookInbox {
  private endpoint: { id: string; secret: string } | null = null;
  private readonly arrivals: Arrival[] = [];

  get endpointId(): string | null {
    return this.endpoint?.id ?? null;
  }

  connect(id: string, secret: string): void {
    this.endpoint = { id, secret };
  }

  receive(body: string, headers: Record<string, string>, now: Date): Arrival {
    const arrival: Arrival = {
      webhookId: headers['webhook-id'] ?? '',
      receivedAt: now.toISOString(),
      ...parsedEvent(body),
      verified: false,
    };
    if (!this.endpoint) {
      arrival.problem = 'no secret: this page has not registered its endpoint since the start';
    } else {
      try {
        new Webhook(this.endpoint.secret).verify(body, headers);
        arrival.verified = true;
      } catch (error) {
        if (!(error instanceof WebhookVerificationError)) throw error;
        arrival.problem = error.message;
      }
    }
    this.arrivals.unshift(arrival);
    this.arrivals.length = Math.min(this.arrivals.length, KEPT);
    return arrival;
  }

  list(): Arrival[] {
    return [...this.arrivals];
  }
}

function parsedEvent(body: string): { type: string; data: unknown } {
  try {
    const event = JSON.parse(body) as { type?: unknown; data?: unknown };
    return { type: typeof event.type === 'string' ? event.type : 'unknown', data: event.data };
  } catch {
    return { type: 'not JSON', data: null };
  }
}
