// Embedded mode: the page loads Tally's embeddable widget and mounts it, as a vendor would
// (embed/: `<tally-credits api layout>` plus `element.getToken`). The token comes from the
// page's backend on demand and is never written into the DOM. `?lang=de` (or fr) shows the
// widget in that language, as `<tally-credits lang>` does on a vendor's page.
import type { DemoMemberKey } from '../demo-member.ts';
import { sessionToken } from './editor-backend.ts';

const SCRIPT = '/embed/tally.js';

type TallyCredits = HTMLElement & { getToken?: () => Promise<string> };

export async function mountEmbeddedWidget(slot: HTMLElement, as: DemoMemberKey): Promise<void> {
  await loadScript(SCRIPT);
  await customElements.whenDefined('tally-credits');
  const widget = document.createElement('tally-credits') as TallyCredits;
  widget.setAttribute('api', window.location.origin);
  widget.setAttribute('layout', 'expanded');
  const lang = new URLSearchParams(window.location.search).get('lang');
  if (lang) widget.setAttribute('lang', lang);
  widget.getToken = () => sessionToken(as);
  slot.replaceChildren(widget);
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () =>
      reject(new Error('The embeddable widget is not built here: run `npm run build:embed`.'));
    document.head.append(script);
  });
}
