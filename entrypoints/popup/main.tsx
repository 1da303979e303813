import '../../components/theme.css';
import '../../components/popup.css';
import './popup.css';
import { render } from 'preact';
import { Popup } from '../../components/Popup.tsx';
import type { PublicState } from '../../lib/extension/public-state.ts';
import { createExtensionTransport } from '../../lib/extension/transport.ts';
import { linkToWorker } from '../../lib/extension/worker-port.ts';
import { createCreditModel } from '../../lib/store/credit-model.ts';
import { EditorSettings } from './EditorSettings.tsx';

// The popup's composition root: the shared Popup over the worker, plus the extension's own
// settings. The token typed into Connect goes straight to the worker and is not kept here.
const link = linkToWorker();
const model = createCreditModel(createExtensionTransport(link));
const root = document.getElementById('app') as HTMLElement;

const connect = (apiUrl: string, token: string) =>
  link.request<{ member: { name: string; role: 'admin' | 'member' }; account: { name: string } }>({
    type: 'connect',
    baseUrl: apiUrl,
    token,
  });

function App({ apiUrl }: { apiUrl: string | undefined }) {
  return (
    <>
      <Popup model={model} onConnect={connect} apiUrl={apiUrl} />
      <div class="tally t-popup">
        <EditorSettings link={link} />
      </div>
    </>
  );
}

void link
  .request<PublicState>({ type: 'get-state' })
  .catch(() => null)
  .then((state) => render(<App apiUrl={state?.baseUrl ?? undefined} />, root));
void model.start();
