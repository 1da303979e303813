import type { Catalog } from '../lib/billing/types.ts';
import type { AllowedHosts } from './allowed-hosts.ts';
import type { Clock, DevClock } from './clock.ts';
import type { EventHub } from './events.ts';
import type { IdempotencyStore } from './idempotency.ts';
import type { Ledger, Member } from './ledger/ledger.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { Outbox } from './webhooks/outbox.ts';

/** The demo account seeded on an empty database (kept in data/demo-tokens.json). */
export interface DemoAccount {
  accountId: string;
  operatorKey?: string;
  members: {
    ada: { id: string; name: string; token: string };
    milo: { id: string; name: string; token: string };
  };
}

/** Everything the HTTP app needs, built by main.ts (or a test). */
export interface AppDeps {
  ledger: Ledger;
  /** The webhook endpoints and deliveries (written with the ledger's changes). */
  outbox: Outbox;
  idempotency: IdempotencyStore;
  clock: Clock;
  /** Present only with TALLY_DEV_CLOCK=1. */
  devClock: DevClock | null;
  events: EventHub;
  catalog: Catalog;
  operatorKey: string;
  corsOrigins: string[];
  /** TALLY_ALLOWED_HOSTS: the Host names requests may carry. */
  allowedHosts: AllowedHosts;
  rateLimiter: RateLimiter;
  demo: DemoAccount | null;
  version: string;
}

/** Hono context variables set by the auth middleware. */
export interface AppEnv {
  /** tokenHash: the member token's hash (rate limits, the cap on event streams per token). */
  Variables: { member: Member; tokenHash: string };
}
