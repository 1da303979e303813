import { browser } from 'wxt/browser';
import type { Messages } from '../i18n/messages.ts';
import type { ConsentElsewhere, OverageRequest } from '../store/overage-prompt.ts';
import type { WorkerLink } from './worker-link.ts';

// Sized by the page's viewport, not by anything the page can style: the host is the only node
// the page sees, and the frame's contents are another origin.
const FRAME_CSS = `
dialog { position: fixed; inset: 0; width: 100vw; height: 100vh; max-width: none;
  max-height: none; margin: 0; padding: 0; border: 0; background: transparent; overflow: hidden; }
dialog::backdrop { background: transparent; }
iframe { display: block; width: 100%; height: 100%; border: 0; color-scheme: normal; }
`;

/**
 * Asks the user in Tally's consent page, framed over the editor: the worker mints a request id
 * for this tab, the frame (an extension page at a per-session URL) shows the dialog and answers
 * the worker, and the worker answers here. The frame sits in a closed shadow root inside a modal
 * `<dialog>`, so the page can neither read its URL nor reach its buttons, and anything that
 * navigates or removes it cancels the request.
 */
export function askInConsentFrame(link: WorkerLink, messages: Messages, doc: Document = document) {
  return async (asked: OverageRequest): Promise<ConsentElsewhere> => {
    const requestId = await link.request({
      type: 'open-consent',
      operation: asked.operation,
      quantity: asked.quantity,
    });
    const outcome = link.request({ type: 'consent-outcome', requestId });
    const host = doc.createElement('tally-consent');
    const root = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = FRAME_CSS;
    const dialog = doc.createElement('dialog');
    const frame = doc.createElement('iframe');
    frame.title = messages.t('consentFrameTitle');
    frame.src = `${browser.runtime.getURL('/consent.html')}#${requestId}`;
    dialog.append(frame);
    root.append(style, dialog);

    const withdraw = () => {
      link.request({ type: 'withdraw-consent', requestId }).catch(() => undefined);
    };
    let loads = 0;
    frame.addEventListener('load', () => {
      loads += 1;
      if (loads === 1) frame.focus();
      else withdraw(); // someone navigated the frame away from Tally's page
    });
    // Escape with focus outside the frame; inside it, the consent page's own dialog answers.
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      withdraw();
    });
    const removed = new MutationObserver(() => {
      if (!host.isConnected) withdraw();
    });

    doc.body.append(host);
    dialog.showModal();
    removed.observe(doc.body, { childList: true });
    try {
      return await outcome;
    } finally {
      removed.disconnect();
      host.remove();
    }
  };
}
