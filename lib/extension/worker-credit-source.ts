import type { Cached, CreditSource, CreditUpdate } from '../store/credit-source.ts';
import type { PublicState } from './public-state.ts';
import type { WorkerLink } from './worker-link.ts';

/**
 * The `CreditSource` over the worker link: the token stays in the worker, which also decides
 * what this UI may do (a content script cannot change the plan; the consent page can).
 */
export function createWorkerCreditSource(link: WorkerLink): CreditSource {
  const toUpdates = (state: PublicState): CreditUpdate[] => {
    const at = state.syncedAt ?? undefined;
    if (state.status === 'fresh' && state.snapshot && at) {
      return [{ kind: 'snapshot', snapshot: state.snapshot, syncedAt: at }];
    }
    const updates: CreditUpdate[] = [];
    // Offline keeps working from the cache: the numbers stay, the status says how old they are.
    if (state.status === 'offline' && state.snapshot && at) {
      updates.push({ kind: 'snapshot', snapshot: state.snapshot, syncedAt: at });
    }
    const status = state.status === 'fresh' ? 'loading' : state.status;
    updates.push({
      kind: 'status',
      status,
      ...(at ? { syncedAt: at } : {}),
      ...(state.error ? { error: state.error } : {}),
    });
    return updates;
  };

  const stateListeners = new Set<(update: CreditUpdate) => void>();
  let unlink: (() => void) | null = null;
  const emit = (state: PublicState) => {
    for (const update of toUpdates(state)) for (const listener of stateListeners) listener(update);
  };

  return {
    async load(): Promise<Cached | null> {
      const state = await link.request({ type: 'get-state' });
      if (!state.snapshot || !state.syncedAt || state.status === 'unauthorized') return null;
      return { snapshot: state.snapshot, syncedAt: state.syncedAt };
    },
    async refresh() {
      emit(await link.request({ type: 'refresh' }));
    },
    subscribe(listener) {
      stateListeners.add(listener);
      unlink ??= link.onLive((message) => {
        if (message.type === 'state') emit(message.state);
      });
      return () => {
        stateListeners.delete(listener);
        if (stateListeners.size > 0) return;
        unlink?.();
        unlink = null;
      };
    },
    catalog: () => link.request({ type: 'catalog' }),
    previewPlanChange: (planId) => link.request({ type: 'preview-plan-change', planId }),
    changePlan: (planId) => link.request({ type: 'change-plan', planId }),
    setOveragePolicy: (policy, capUsd) =>
      link.request({ type: 'set-overage-policy', policy, capUsd }),
    ledger: (limit) => link.request({ type: 'ledger', ...(limit ? { limit } : {}) }),
    usageSummary: () => link.request({ type: 'usage-summary' }),
  };
}
