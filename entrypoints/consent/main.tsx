import '../../components/theme.css';
import '../../components/overage-dialog.css';
import './consent.css';
import { render } from 'preact';
import { MessagesContext } from '../../components/messages-context.ts';
import { OverageDialog } from '../../components/OverageDialog.tsx';
import type { ConsentAsk } from '../../lib/extension/consent-requests.ts';
import { extensionMessages } from '../../lib/extension/extension-messages.ts';
import { createWorkerCreditSource } from '../../lib/extension/worker-credit-source.ts';
import { linkToWorker } from '../../lib/extension/worker-link.ts';
import { type CreditModel, createCreditModel } from '../../lib/store/credit-model.ts';
import { localMath } from '../../lib/store/local-math.ts';
import { visibleNow } from './visibility-guard.ts';

// The consent page: framed over an editor page by the content script, for one request id the
// worker minted for that tab. It is an extension page, so the page around it can neither read
// nor restyle it, and it changes the plan itself (one click, as the button says).
const link = linkToWorker();
const messages = extensionMessages();
document.documentElement.lang = messages.locale;
const model = createCreditModel(createWorkerCreditSource(link), { math: localMath, messages });
const requestId = location.hash.slice(1);
const root = document.getElementById('app') as HTMLElement;
const KEEP_AWAKE_MS = 20_000;

async function ask() {
  let asked: ConsentAsk;
  try {
    asked = await link.request({ type: 'claim-consent', requestId });
  } catch (reason) {
    render(
      <div class="tally">
        <p class="t-consent-gone" role="alert">
          {(reason as Error).message}
        </p>
      </div>,
      root,
    );
    return;
  }
  // Money moves only on a click in a dialog nothing covered (see visibleNow).
  const uncovered = () => visibleNow(root.querySelector('dialog'));
  const guarded: CreditModel = {
    ...model,
    payOverage: () => {
      void uncovered().then((visible) => visible && model.payOverage());
    },
    upgrade: async (planId) => {
      if (await uncovered()) await model.upgrade(planId);
    },
  };
  render(
    <MessagesContext.Provider value={messages}>
      <div class="tally">
        <OverageDialog
          model={guarded}
          onAsk={(planId) => link.request({ type: 'request-upgrade', planId })}
        />
      </div>
    </MessagesContext.Provider>,
    root,
  );
  await model.start();
  // MV3 stops a worker after 30 s without events, and with it the request this page answers:
  // while the user decides, a message now and then keeps it awake.
  const keepAwake = setInterval(() => {
    link.request({ type: 'get-state' }).catch(() => undefined);
  }, KEEP_AWAKE_MS);
  const decision = await model.preflight(asked.operation, asked.quantity);
  clearInterval(keepAwake);
  const receipt = model.prompt.receipt.peek();
  await link.request({
    type: 'answer-consent',
    requestId,
    decision: decision?.decision ?? 'cancel',
    overage: decision?.overage ?? false,
    ...(receipt ? { receipt } : {}),
  });
}

void ask();
