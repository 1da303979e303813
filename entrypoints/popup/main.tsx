import '../../components/theme.css';
import '../../components/popup.css';
import './popup.css';
import { signal } from '@preact/signals';
import { render } from 'preact';
import { MessagesContext, useMessages } from '../../components/messages-context.ts';
import { Popup } from '../../components/Popup.tsx';
import { withScheme } from '../../lib/extension/api-base-url.ts';
import { extensionMessages } from '../../lib/extension/extension-messages.ts';
import { createWorkerCreditSource } from '../../lib/extension/worker-credit-source.ts';
import { linkToWorker } from '../../lib/extension/worker-link.ts';
import { createCreditModel } from '../../lib/store/credit-model.ts';
import { localMath } from '../../lib/store/local-math.ts';
import type { TeamPort } from '../../lib/store/team-port.ts';
import { EditorSettings } from './EditorSettings.tsx';

// The popup's composition root: the shared Popup over the worker, plus the extension's own
// settings. The token typed into Connect goes straight to the worker and is not kept here.
const link = linkToWorker();
const messages = extensionMessages();
document.documentElement.lang = messages.locale;
const model = createCreditModel(createWorkerCreditSource(link), { math: localMath, messages });
const root = document.getElementById('app') as HTMLElement;

/** The team, through the worker (it holds the token). */
const team: TeamPort = {
  load: () => link.request({ type: 'team' }),
  ask: (planId, note) =>
    link.request({ type: 'request-upgrade', planId, ...(note ? { note } : {}) }),
  preview: (planId) => link.request({ type: 'preview-plan-change', planId }),
  approve: (upgradeRequestId) => link.request({ type: 'approve-upgrade', upgradeRequestId }),
  decline: (upgradeRequestId, reason) =>
    link.request({ type: 'decline-upgrade', upgradeRequestId, ...(reason ? { reason } : {}) }),
  setRole: (memberId, role) => link.request({ type: 'set-role', memberId, role }),
  remove: (memberId) => link.request({ type: 'remove-member', memberId }),
};

/** The URL the user connected with: the form shows it again, not the default. */
const apiUrl = signal<string | undefined>(undefined);

async function connect(typed: string, token: string) {
  const baseUrl = withScheme(typed);
  const connected = await link.request({ type: 'connect', baseUrl, token });
  apiUrl.value = baseUrl;
  return connected;
}

function App() {
  const m = useMessages();
  // Editor pages and disconnect mean nothing before a connection.
  const connected = model.status.value !== 'unconfigured';
  return (
    <>
      <Popup model={model} onConnect={connect} apiUrl={apiUrl.value} team={team} />
      <div class="tally t-popup">
        {connected && <EditorSettings link={link} />}
        {/* Before connecting too: what Tally keeps and sends is worth knowing first. */}
        <p class="t-section">
          <a class="t-muted" href="/privacy.txt" target="_blank" rel="noopener">
            {m.t('privacyLink')}
          </a>
        </p>
      </div>
    </>
  );
}

void link
  .request({ type: 'get-state' })
  .catch(() => null)
  .then((state) => {
    apiUrl.value = state?.baseUrl ?? undefined;
    render(
      <MessagesContext.Provider value={messages}>
        <App />
      </MessagesContext.Provider>,
      root,
    );
  });
void model.start();
