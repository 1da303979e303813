import { useEffect, useState } from 'preact/hooks';
import type { UpgradeRequest } from '../lib/api/schemas/team.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';
import type { TeamPort } from '../lib/store/team-port.ts';
import type { WidgetLanguage } from './languages.ts';
import type { EmbedApi } from './transport.ts';

type Chunk = typeof import('./on-demand-chunk.ts');

export interface OnDemandParts {
  ExpandedLayout: Chunk['ExpandedLayout'];
  EmbedDialog: Chunk['EmbedDialog'];
  team: TeamPort;
  /** The expanded layout's usage chart, a chunk of its own (on-demand-chunk.ts says why). */
  usage: ReturnType<Chunk['embedUsage']>;
}

/**
 * What the compact chip, which every page shows at once, does without: one chunk of its own
 * (on-demand-chunk.ts), imported the first time the expanded layout or the dialog is shown.
 */
export interface OnDemand {
  load(): Promise<OnDemandParts>;
  /** A member asks the admins for a plan (from the dialog). */
  ask(planId: string): Promise<UpgradeRequest>;
}

export function onDemand(api: EmbedApi, model: CreditModel, words: WidgetLanguage): OnDemand {
  let loading: Promise<OnDemandParts> | undefined;
  const load = () => {
    loading ??= import('./on-demand-chunk.ts').then(
      async (chunk) => {
        // Their words too: English's come with the chunk, another language's beside it.
        await words.addPages(chunk.enPages);
        return {
          ExpandedLayout: chunk.ExpandedLayout,
          EmbedDialog: chunk.EmbedDialog,
          team: chunk.embedTeamPort(api, model),
          usage: chunk.embedUsage(api),
        };
      },
      (error: unknown) => {
        // A chunk that failed (network, a deploy in between) is asked for again next time.
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  return { load, ask: async (planId) => (await load()).team.ask(planId) };
}

/**
 * What `load` gives once `wanted`: null until it has arrived; `failed` after it could not be
 * (asked again when `wanted` turns true again).
 */
export function useOnDemand<T extends object>(load: () => Promise<T>, wanted: boolean) {
  const [loaded, setLoaded] = useState<T | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!wanted || loaded) return;
    let current = true;
    setFailed(false);
    load().then(
      (value) => current && setLoaded(value),
      (error: unknown) => {
        console.error('Tally: a part of the widget could not be loaded.', error);
        if (current) setFailed(true);
      },
    );
    return () => {
      current = false;
    };
  }, [load, wanted, loaded]);
  return { loaded, failed };
}
