import { signal } from '@preact/signals';
import type { Snapshot } from '../api/schemas/snapshot.ts';
import type { OperationId, Plan, Quote } from '../billing/types.ts';
import type { CreditMath, SnapshotFacts } from '../store/credit-math.ts';
import type { WorkerLink } from './worker-link.ts';

/** Answers kept for one snapshot: moving back and forth over a page's buttons asks once each. */
const MAX_ANSWERS = 200;

type Answer = SnapshotFacts | Quote | Plan[] | null;

/**
 * The content script's billing math, done by the worker (`facts` and `quote` requests), so the
 * script that runs beside every editor page carries no decimal library. Each answer is kept
 * for the snapshot version it was worked out on; a hover asks once, and the preview appears
 * when the answer does (a round trip inside the browser, no network).
 */
export function createWorkerMath(link: Pick<WorkerLink, 'request'>): CreditMath {
  // Written only when an answer arrives, never while a computed reads it.
  const answers = signal<ReadonlyMap<string, Answer>>(new Map());
  const asked = new Map<string, Promise<unknown>>();

  function remember(version: number, key: string, answer: Answer) {
    const kept = [...answers.peek()].filter(
      ([other]) => other.startsWith(`${version}|`) && asked.has(other),
    );
    answers.value = new Map([...kept.slice(-MAX_ANSWERS), [key, answer]]);
  }

  function ask<T extends Answer>(
    snapshot: Snapshot,
    key: string,
    request: () => Promise<T>,
  ): Promise<T> {
    const known = answers.peek();
    if (known.has(key)) return Promise.resolve(known.get(key) as T);
    let pending = asked.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = request().catch(() => null as T);
      asked.set(key, pending);
      void pending.then((answer) => {
        remember(snapshot.version, key, answer);
        // Only this version's questions stay asked; the others' answers are gone with them.
        for (const other of asked.keys()) {
          if (!other.startsWith(`${snapshot.version}|`)) asked.delete(other);
        }
      });
    }
    return pending;
  }

  const factsKey = (snapshot: Snapshot) => `${snapshot.version}|facts`;
  const quoteKey = (snapshot: Snapshot, operation: OperationId, quantity: number) =>
    `${snapshot.version}|${operation}|${quantity}`;
  const askFacts = (snapshot: Snapshot) =>
    ask(snapshot, factsKey(snapshot), () => link.request({ type: 'facts', snapshot }));
  const askQuote = (snapshot: Snapshot, operation: OperationId, quantity: number) =>
    ask(snapshot, quoteKey(snapshot, operation, quantity), () =>
      link.request({ type: 'quote', snapshot, operation, quantity }),
    );

  return {
    facts(snapshot) {
      const known = answers.value.get(factsKey(snapshot));
      if (known === undefined) void askFacts(snapshot);
      return (known as SnapshotFacts | undefined) ?? null;
    },
    quote(snapshot, operation, quantity) {
      const known = answers.value.get(quoteKey(snapshot, operation, quantity));
      if (known === undefined) void askQuote(snapshot, operation, quantity);
      return (known as Quote | null | undefined) ?? null;
    },
    settledQuote: askQuote,
    upgrades(snapshot, plans) {
      const key = `${snapshot.version}|upgrades|${plans.map((plan) => plan.id).join(',')}`;
      const known = answers.value.get(key);
      if (known === undefined) {
        void ask(snapshot, key, () =>
          link.request({ type: 'upgrades', snapshot, plans: [...plans] }),
        );
      }
      return (known as Plan[] | null | undefined) ?? null;
    },
  };
}
