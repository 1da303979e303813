import type { Entry } from '../api/schemas/entry.ts';
import type { Catalog } from '../api/schemas/plan.ts';
import type { PlanChangePreview } from '../api/schemas/plan-change.ts';
import type { Snapshot } from '../api/schemas/snapshot.ts';
import type { Cached, Transport, TransportUpdate } from '../store/transport.ts';
import type { LiveMessage } from './messages.ts';
import type { PublicState } from './public-state.ts';
import { WorkerError, type WorkerLink } from './worker-link.ts';

export interface ExtensionTransportOptions {
  /**
   * Where this UI runs. Extension pages change the plan themselves; a content script may not
   * (it lives beside page scripts), so it opens Tally's upgrade page, where an admin confirms,
   * and resolves when the new plan arrives.
   */
  context: 'extension-page' | 'content-script';
  /** How long an in-page upgrade may wait for the admin to confirm. */
  upgradeTimeoutMs?: number;
}

/** H5's `Transport` over the worker link: the token stays in the worker. */
export function createExtensionTransport(
  link: WorkerLink,
  options: ExtensionTransportOptions,
): Transport {
  let last: PublicState | null = null;

  const toUpdates = (state: PublicState): TransportUpdate[] => {
    const at = state.syncedAt ?? undefined;
    if (state.status === 'fresh' && state.snapshot && at) {
      return [{ kind: 'snapshot', snapshot: state.snapshot, syncedAt: at }];
    }
    const updates: TransportUpdate[] = [];
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

  const stateListeners = new Set<(update: TransportUpdate) => void>();
  let unlink: (() => void) | null = null;
  const emit = (state: PublicState) => {
    last = state;
    for (const update of toUpdates(state)) for (const listener of stateListeners) listener(update);
  };

  const changePlanInPage = (planId: string): Promise<Snapshot> =>
    new Promise<Snapshot>((resolve, reject) => {
      const timer = setTimeout(
        () => finish(new WorkerError('timeout', 'The upgrade was not confirmed in time.')),
        options.upgradeTimeoutMs ?? 5 * 60_000,
      );
      const stop = link.onLive((message: LiveMessage) => {
        if (message.type === 'state' && message.state.snapshot?.plan.id === planId) {
          finish(message.state.snapshot);
        } else if (message.type === 'upgrade-closed' && last?.snapshot?.plan.id !== planId) {
          finish(new WorkerError('cancelled', 'The upgrade was not confirmed.'));
        }
      });
      function finish(outcome: Snapshot | Error) {
        clearTimeout(timer);
        stop();
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      }
      link.request({ type: 'open-upgrade', planId }).catch((error: Error) => finish(error));
    });

  return {
    async load(): Promise<Cached | null> {
      const state = await link.request<PublicState>({ type: 'get-state' });
      last = state;
      if (!state.snapshot || !state.syncedAt || state.status === 'unauthorized') return null;
      return { snapshot: state.snapshot, syncedAt: state.syncedAt };
    },
    async refresh() {
      emit(await link.request<PublicState>({ type: 'refresh' }));
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
    catalog: () => link.request<Catalog>({ type: 'catalog' }),
    previewPlanChange: (planId) =>
      link.request<PlanChangePreview>({ type: 'preview-plan-change', planId }),
    changePlan: (planId) =>
      options.context === 'extension-page'
        ? link.request<Snapshot>({ type: 'change-plan', planId })
        : changePlanInPage(planId),
    setOveragePolicy: (policy, capUsd) =>
      link.request<Snapshot>({ type: 'set-overage-policy', policy, capUsd }),
    ledger: (limit) => link.request<Entry[]>({ type: 'ledger', ...(limit ? { limit } : {}) }),
  };
}
