import '../../components/theme.css';
import '../../components/popup.css';
import './upgrade.css';
import { render } from 'preact';
import { createExtensionTransport } from '../../lib/extension/transport.ts';
import { linkToWorker } from '../../lib/extension/worker-port.ts';
import { createCreditModel } from '../../lib/store/credit-model.ts';
import { UpgradeConfirm } from './UpgradeConfirm.tsx';

// Opened by the worker when an editor page's dialog chose "Upgrade" (see UpgradeWindows).
const model = createCreditModel(
  createExtensionTransport(linkToWorker(), { context: 'extension-page' }),
);
const planId = new URLSearchParams(location.search).get('plan');
render(
  <div class="tally t-upgrade-page">
    <UpgradeConfirm model={model} planId={planId} />
  </div>,
  document.getElementById('app') as HTMLElement,
);
void model.start();
