/** Per-token limits: a bucket of `burst` requests refilled at `perSecond`. */
export interface RateLimitSettings {
  burst: number;
  perSecond: number;
}

/**
 * Generous by default: one member's 64-way benchmark or a test's 200 parallel requests pass,
 * a runaway client loop does not. TALLY_RATE_BURST / TALLY_RATE_PER_SECOND change it; 0 turns
 * it off.
 */
const defaultRateLimit: RateLimitSettings = { burst: 1000, perSecond: 500 };

export function rateLimitFromEnv(env: NodeJS.ProcessEnv): RateLimitSettings {
  const burst = Number(env.TALLY_RATE_BURST ?? defaultRateLimit.burst);
  const perSecond = Number(env.TALLY_RATE_PER_SECOND ?? defaultRateLimit.perSecond);
  return {
    burst: Number.isFinite(burst) && burst >= 0 ? burst : defaultRateLimit.burst,
    perSecond:
      Number.isFinite(perSecond) && perSecond >= 0 ? perSecond : defaultRateLimit.perSecond,
  };
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Token buckets keyed by token hash. Only numbers of requests here, never money. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly settings: RateLimitSettings,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.settings.burst > 0 && this.settings.perSecond > 0;
  }

  /** Takes one request from the key's bucket: 0 when allowed, else seconds to wait. */
  take(key: string): number {
    if (!this.enabled) return 0;
    const now = this.now();
    const { burst, perSecond } = this.settings;
    const bucket = this.buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.forgetFull(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
  }

  /** Full buckets carry no information: drop them so the map stays small. */
  private forgetFull(now: number): void {
    const { burst, perSecond } = this.settings;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * perSecond >= burst) this.buckets.delete(key);
    }
  }
}
