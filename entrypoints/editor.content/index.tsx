import { effect } from '@preact/signals';
import { render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { EditorWidget } from '../../components/EditorWidget.tsx';
import widgetCss from '../../components/editor-widget.css?inline';
import { MessagesContext } from '../../components/messages-context.ts';
import themeCss from '../../components/theme.css?inline';
import { askInConsentFrame } from '../../lib/extension/consent-frame.ts';
import { DEFAULT_EDITOR_MATCHES } from '../../lib/extension/editor-matches.ts';
import { extensionMessages } from '../../lib/extension/extension-messages.ts';
import { createShadowHost } from '../../lib/extension/shadow-host.ts';
import {
  loadWidgetPlace,
  saveWidgetPlace,
  type WidgetPlace,
} from '../../lib/extension/widget-place.ts';
import { createWorkerCreditSource } from '../../lib/extension/worker-credit-source.ts';
import { linkToWorker } from '../../lib/extension/worker-link.ts';
import { createWorkerMath } from '../../lib/extension/worker-math.ts';
import { operationTargetsIn } from '../../lib/page/operation-target.ts';
import {
  announceReady,
  listenForPreflight,
  listenForUsageRecorded,
  watchEmbed,
} from '../../lib/page/widget-side.ts';
import { createCreditModel } from '../../lib/store/credit-model.ts';
import sealedPalette from './sealed-palette.css?inline';

/** The most operation elements of a page quoted ahead of a hover. */
const MAX_QUOTED = 50;

// The in-editor widget's composition root: the shared EditorWidget in a shadow root, the page
// protocol answered from the worker's cached Snapshot with the worker's billing math (no network
// on hover or preflight, and no decimal library in the script beside every editor page), and
// nothing of the connection but what the worker chose to tell (never the token). A choice that
// moves money is asked in Tally's consent frame, out of the page's reach.
export default defineContentScript({
  matches: DEFAULT_EDITOR_MATCHES,
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  async main(ctx) {
    // The worker decides whether this page is one of the editor pages set in the settings
    // (the manifest's matches are only the outer bound); a refused page shows nothing.
    const link = linkToWorker();
    const refused = link.refused.then(() => true);
    const allowed = await Promise.race([
      link.request({ type: 'get-state' }).then(() => true),
      refused,
    ]).catch(() => false);
    if (!allowed) return;

    const math = createWorkerMath(link);
    const messages = extensionMessages();
    const model = createCreditModel(createWorkerCreditSource(link), {
      math,
      messages,
      askElsewhere: askInConsentFrame(link, messages),
    });
    const place = {
      initial: await loadWidgetPlace(),
      save: (at: WidgetPlace) => void saveWidgetPlace(at),
    };
    const ui = createShadowHost({
      name: 'tally-widget',
      css: themeCss + widgetCss + sealedPalette,
      onMount: (container) =>
        render(
          <MessagesContext.Provider value={messages}>
            <EditorWidget model={model} page={document} place={place} />
          </MessagesContext.Provider>,
          container,
        ),
      onRemove: (container) => render(null, container),
    });

    // docs/page-protocol.md: with the embed on the page, the embed answers and this widget stands down.
    const stopWatching = watchEmbed((embedActive) => {
      if (embedActive) ui.remove();
      else if (!ui.mounted) ui.mount();
    });
    // The page's operations are quoted as soon as a snapshot arrives, so a hover finds its
    // answer here, even after Chrome stopped the worker (a few at most: one per distinct
    // operation and quantity on the page).
    const stopQuoting = effect(() => {
      const snapshot = model.snapshot.value;
      if (!snapshot) return;
      for (const { operation, quantity } of operationTargetsIn(document).slice(0, MAX_QUOTED)) {
        if (quantity !== null) void math.settledQuote(snapshot, operation, quantity);
      }
    });
    const started = model.start();
    const stopPreflight = listenForPreflight(
      async ({ operation, quantity }) => {
        await started; // answer from the cached Snapshot, not from nothing
        return (await model.preflight(operation, quantity)) ?? { decision: 'unavailable' };
      },
      { kind: 'extension' },
    );
    const stopUsage = listenForUsageRecorded(({ operation, quantity }) => {
      link.request({ type: 'usage-recorded', operation, quantity }).catch(() => undefined);
    });
    await started;
    announceReady('extension');

    ctx.onInvalidated(() => {
      stopWatching();
      stopQuoting();
      stopPreflight();
      stopUsage();
      model.dispose();
      link.close();
      ui.remove();
    });
  },
});
