import { computed, effect, type ReadonlySignal, signal } from '@preact/signals';
import type { Snapshot } from '../api/schemas/snapshot.ts';
import { errorMessage } from '../billing/errors.ts';
import type {
  Catalog,
  OperationId,
  Plan,
  PlanChangePreview,
  PlanId,
  Quote,
} from '../billing/types.ts';
import type { Messages } from '../i18n/messages.ts';
import type { CreditSource, PreflightDecision } from './credit-source.ts';
import { countOf, operationNames } from './display-names.ts';
import { overageReceipt, upgradeReceipt } from './receipt.ts';
import { upgradesRunning } from './upgrades-running.ts';

/** How many plans up the dialog offers: the next one or two are the ones people pick. */
const UPGRADES_SHOWN = 2;

export interface OverageRequest {
  operation: OperationId;
  quantity: number;
}

export interface UpgradeOption {
  plan: Plan;
  /** What changing now would do (charge today, credits after…); null while it loads. */
  preview: PlanChangePreview | null;
}

/** The user's answer given somewhere else (the extension's consent frame). */
export interface ConsentElsewhere {
  decision: 'proceed' | 'cancel';
  overage: boolean;
  receipt?: string;
}

export interface PromptOptions {
  /**
   * Where the user is asked when this UI must not ask itself: the extension's content script
   * lives beside page scripts, so it asks through a frame the page cannot reach.
   */
  askElsewhere?: (request: OverageRequest) => Promise<ConsentElsewhere>;
}

interface PromptDeps extends PromptOptions {
  snapshot: ReadonlySignal<Snapshot | null>;
  catalog: ReadonlySignal<Catalog | null>;

  upgrades: ReadonlySignal<Plan[]>;
  source: CreditSource;
  quoteFor(operation: OperationId, quantity: number): Quote | null;
  /** The quote once known: a preflight waits for math done elsewhere. */
  settledQuote(operation: OperationId, quantity: number): Promise<Quote | null>;
  changePlan(planId: PlanId): Promise<void>;
  loadCatalog(): Promise<Catalog | null>;
  messages: Messages;
}

/**
 * The page protocol's side of the store: answers a preflight at once when the credits cover
 * it (or the policy is `auto`), and otherwise holds it open as the upgrade-or-pay-overage
 * dialog until the user chooses. One dialog at a time; later preflights wait their turn.
 */
export function createOveragePrompt(deps: PromptDeps) {
  const request = signal<OverageRequest | null>(null);
  const previews = signal<Record<PlanId, PlanChangePreview>>({});
  const busy = signal(false);
  const promptError = signal<string | null>(null);
  /** What the last upgrade or overage payment charged, until the user dismisses it. */
  const receipt = signal<string | null>(null);
  const promptQuote = computed(() =>
    request.value ? deps.quoteFor(request.value.operation, request.value.quantity) : null,
  );
  const upgradeOptions = computed<UpgradeOption[]>(() =>
    upgradesFor(request.value)
      .slice(0, UPGRADES_SHOWN)
      .map((plan) => ({ plan, preview: previews.value[plan.id] ?? null })),
  );

  /** The plans above, less those that do not price the operation asked: they could not run it. */
  function upgradesFor(asked: OverageRequest | null): Plan[] {
    const plans = deps.upgrades.value;
    return asked ? upgradesRunning(plans, [asked.operation]) : plans;
  }

  let answer: ((decision: PreflightDecision | null) => void) | null = null;
  let closed = false;
  /** A question is open, here or elsewhere, from the moment it is asked until it is answered. */
  let asking = false;
  /** The preview an upgrade in flight was chosen with (its charge is what the button said). */
  let upgradingWith: PlanChangePreview | null = null;
  let askedQuote: Quote | null = null;
  /** Preflights waiting for the open dialog to close, oldest first. */
  const waiting: (() => void)[] = [];

  function record(decision: PreflightDecision): PreflightDecision {
    deps.source.recordDecision?.(decision).catch(() => {});
    return decision;
  }

  function decide(decision: PreflightDecision['decision'], overage: boolean) {
    const quote = promptQuote.peek() ?? askedQuote;
    const resolve = answer;
    answer = null;
    request.value = null;
    promptError.value = null;
    // Without any quote (the snapshot went away) there is nothing to answer with.
    resolve?.(quote ? record({ decision, overage, quote }) : null);
  }

  // Credits that arrive while the dialog is open (an upgrade here or in another tab, a
  // release) make the operation covered: it goes on, as a covered preflight always does.
  const stopWatching = effect(() => {
    if (promptQuote.value?.outcome !== 'covered') return;
    // The upgrade's new snapshot is what made it covered: say what it charged first.
    if (upgradingWith) noteUpgrade(upgradingWith);
    decide('proceed', false);
  });

  function noteUpgrade(preview: PlanChangePreview) {
    const after = deps.snapshot.peek();
    if (after) receipt.value = upgradeReceipt(after, preview, deps.messages);
  }

  async function loadPreviews() {
    await deps.loadCatalog();
    const plans = upgradesFor(request.peek()).slice(0, UPGRADES_SHOWN);
    await Promise.all(
      plans.map(async (plan) => {
        try {
          const preview = await deps.source.previewPlanChange(plan.id);
          previews.value = { ...previews.value, [plan.id]: preview };
        } catch {
          // The option still shows the plan's price and credits without the preview.
        }
      }),
    );
  }

  function whatOf({ operation, quantity }: OverageRequest): string {
    const names = operationNames(deps.catalog.peek(), operation);
    return quantity === 1 ? names.name : countOf(quantity, names, deps.messages);
  }

  async function askThere(
    askElsewhere: NonNullable<PromptDeps['askElsewhere']>,
    asked: OverageRequest,
  ): Promise<PreflightDecision | null> {
    let given: ConsentElsewhere;
    try {
      given = await askElsewhere(asked);
    } catch {
      given = { decision: 'cancel', overage: false };
    }
    if (given.receipt) receipt.value = given.receipt;
    // The quote on the snapshot as it is now: after an upgrade there, on the new plan.
    const quote = (await settled(asked.operation, asked.quantity)) ?? askedQuote;
    return quote ? record({ decision: given.decision, overage: given.overage, quote }) : null;
  }

  /** The quote if the math has it now (math done here always has); null when none can be made. */
  function quoteNow(operation: OperationId, quantity: number): Quote | null {
    try {
      return deps.quoteFor(operation, quantity);
    } catch {
      return null;
    }
  }

  /** The settled quote; null when none can be made (no snapshot, a quantity out of range). */
  function settled(operation: OperationId, quantity: number): Promise<Quote | null> {
    return deps.settledQuote(operation, quantity).catch(() => null);
  }

  async function ask(operation: OperationId, quantity: number): Promise<PreflightDecision | null> {
    // An earlier dialog may have ended in an upgrade that now covers this one. A quote known
    // now opens the dialog in this same task: nothing else can slip in before it.
    const quote = quoteNow(operation, quantity) ?? (await settled(operation, quantity));
    if (quote && quote.outcome === 'covered') {
      return record({ decision: 'proceed', overage: false, quote });
    }
    if (closed && quote) return { decision: 'cancel', overage: false, quote };
    askedQuote = quote;
    if (deps.askElsewhere) return askThere(deps.askElsewhere, { operation, quantity });
    previews.value = {};
    request.value = { operation, quantity };
    void loadPreviews();
    return new Promise((resolve) => {
      answer = resolve;
    });
  }

  /**
   * The answer to `tally:preflight`; null when this store cannot answer (no snapshot, an
   * operation the plan does not price), so the page falls back on the server's 402.
   */
  async function preflight(
    operation: OperationId,
    quantity: number,
  ): Promise<PreflightDecision | null> {
    const quote = quoteNow(operation, quantity) ?? (await settled(operation, quantity));
    if (!quote) return null;
    if (quote.outcome === 'covered') return record({ decision: 'proceed', overage: false, quote });
    if (quote.outcome === 'overage' && deps.snapshot.peek()?.overage.policy === 'auto') {
      return record({ decision: 'proceed', overage: true, quote });
    }
    return new Promise((resolve) => {
      const open = () => {
        asking = true;
        void ask(operation, quantity).then((decision) => {
          asking = false;
          resolve(decision);
          waiting.shift()?.();
        });
      };
      if (!asking && waiting.length === 0) open();
      else waiting.push(open);
    });
  }

  /** The user consented to this operation's overage. */
  function payOverage() {
    const quote = promptQuote.peek();
    const current = deps.snapshot.peek();
    const asked = request.peek();
    if (quote?.outcome !== 'overage' || !current || !asked) return;
    receipt.value = overageReceipt(current, quote, whatOf(asked), deps.messages);
    decide('proceed', true);
  }

  /** Change plan now, then go on if the new plan covers the operation. */
  async function upgrade(planId: PlanId) {
    busy.value = true;
    promptError.value = null;
    try {
      // The button names the charge from this preview (the receipt repeats it).
      const preview = previews.peek()[planId] ?? (await deps.source.previewPlanChange(planId));
      upgradingWith = preview;
      await deps.changePlan(planId);
      noteUpgrade(preview);
      // A covered quote has already gone on (see the effect above); otherwise show what the
      // plans above the new one would do.
      if (request.peek()) void loadPreviews();
    } catch (reason) {
      promptError.value = errorMessage(reason);
    } finally {
      upgradingWith = null;
      busy.value = false;
    }
  }

  function cancel() {
    if (answer) decide('cancel', false);
  }

  /** The UI is going away: every waiting preflight is cancelled. */
  function close() {
    closed = true;
    stopWatching();
    cancel();
  }

  return {
    prompt: { request, quote: promptQuote, upgradeOptions, busy, error: promptError, receipt },
    dismissReceipt: () => {
      receipt.value = null;
    },
    preflight,
    payOverage,
    upgrade,
    cancel,
    close,
  };
}
