import type { Clock, DevClock } from '../clock.ts';
import type { Ledger } from '../ledger/ledger.ts';
import type { AttemptOutcome, DueDelivery, Outbox } from './outbox.ts';
import { postWebhook } from './post-webhook.ts';
import { afterAttempt, attemptTimeoutMs } from './retry-schedule.ts';

/** Longest a sender sleeps without being woken: it also finds what other nodes left due. */
const idleMs = 30_000;
/** How soon to look again at a due delivery another sender holds (it may fail, or its node die). */
const heldMs = 1_000;

export interface SenderOptions {
  /** Attempts under way at once, at most (each a loop of its own). */
  senders: number;
  timeoutMs?: number;
  /** The wall clock (webhook-timestamp); the server's clock decides what is due. */
  wallClock?: () => number;
}

/**
 * The webhook sender of one node: `senders` loops, each claiming the delivery due first,
 * making the attempt and recording its outcome (outbox.ts), until nothing is due; then they
 * sleep until woken (a commit with new events or retries, a move of the dev clock) or until the
 * next delivery falls due. It runs beside the request path and never in it: a request only
 * writes rows, and a receiver that hangs holds one loop for at most 15 s.
 */
export class WebhookSender {
  private stopped = false;
  /** Grows with every wake, so a loop that was busy when woken looks again before sleeping. */
  private wakes = 0;
  private sleeping = new Set<() => void>();
  private readonly loops: Promise<void>[] = [];
  private readonly abort = new AbortController();
  private readonly timeoutMs: number;
  private readonly wallClock: () => number;

  constructor(
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly options: SenderOptions,
  ) {
    this.timeoutMs = options.timeoutMs ?? attemptTimeoutMs;
    this.wallClock = options.wallClock ?? Date.now;
  }

  start(): void {
    for (let i = 0; i < this.options.senders; i++) this.loops.push(this.loop());
  }

  wake(): void {
    this.wakes++;
    for (const wake of this.sleeping) wake();
  }

  /** Stops the loops; an attempt under way is cut off and stays due for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    this.wake();
    await Promise.all(this.loops);
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const seen = this.wakes;
      let delivered = false;
      try {
        delivered = await this.outbox.deliverDue(this.clock.now().getTime(), (delivery) =>
          this.attempt(delivery),
        );
      } catch (error) {
        if (this.stopped) return;
        console.error('Webhook sender:', error);
      }
      if (delivered || this.wakes !== seen) continue;
      await this.sleep();
    }
  }

  private async attempt(delivery: DueDelivery): Promise<AttemptOutcome> {
    const responseStatus = await postWebhook(delivery, {
      timeoutMs: this.timeoutMs,
      wallClock: this.wallClock,
      signal: this.abort.signal,
    });
    const at = this.clock.now().getTime();
    return { responseStatus, at, ...afterAttempt(delivery.attempt, responseStatus, at) };
  }

  /** Until woken, or until the next delivery falls due (on the real clock; a dev clock wakes us). */
  private async sleep(): Promise<void> {
    const seen = this.wakes;
    let wait = idleMs;
    try {
      const due = await this.outbox.nextDueAt();
      const now = this.clock.now().getTime();
      if (due !== null) wait = due > now ? Math.min(idleMs, due - now) : heldMs;
    } catch (error) {
      if (this.stopped) return;
      console.error('Webhook sender:', error);
    }
    if (this.wakes !== seen || this.stopped) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleeping.delete(done);
        resolve();
      };
      const timer = setTimeout(done, wait);
      this.sleeping.add(done);
    });
  }
}

/** A started sender, woken by the ledger's commits with webhook work and by dev clock moves. */
export function startSender(
  outbox: Outbox,
  ledger: Ledger,
  clock: Clock,
  devClock: DevClock | null,
  options: SenderOptions,
): WebhookSender {
  const sender = new WebhookSender(outbox, clock, options);
  ledger.onOutboxWork(() => sender.wake());
  devClock?.onMove(() => sender.wake());
  sender.start();
  return sender;
}
