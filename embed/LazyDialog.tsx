import { useEffect } from 'preact/hooks';
import type { CreditModel } from '../lib/store/credit-model.ts';
import { type OnDemand, useOnDemand } from './on-demand.ts';

/**
 * The upgrade-or-pay-overage dialog, loaded when a preflight first needs the person's choice.
 * If it cannot be loaded the page is answered "cancel" (nothing is charged) instead of waiting.
 */
export function LazyDialog({ model, parts }: { model: CreditModel; parts: OnDemand }) {
  const asking = model.prompt.request.value !== null;
  const { loaded, failed } = useOnDemand(parts.load, asking);
  useEffect(() => {
    if (failed) model.cancel();
  }, [failed, model]);
  return loaded ? <loaded.EmbedDialog model={model} onAsk={parts.ask} /> : null;
}
