// Says, in the Tally card, which widget answers the page's preflights, or that none does.

import { errorMessage } from '../../../lib/billing/errors.ts';
import { onReady } from '../../../lib/page/on-ready.ts';
import type { WidgetKind } from '../../../lib/page/protocol.ts';
import type { TallyMode } from './demo-settings.ts';

/** Content scripts start after the page: give the extension this long before saying it is absent. */
const GRACE_MS = 2500;

export function watchTallyStatus(status: HTMLElement, mode: TallyMode): void {
  const seen = new Set<WidgetKind>();
  const say = (tone: 'waiting' | 'ok' | 'absent', text: string) => {
    status.dataset.tone = tone;
    status.textContent = text;
  };
  const update = () => {
    if (mode === 'embed') {
      if (seen.has('embed')) {
        say(
          'ok',
          seen.has('extension')
            ? 'The embedded widget answers this page; the Tally extension stands down while it is here.'
            : 'The embedded widget answers this page: hover an operation to see its cost.',
        );
      }
      return;
    }
    if (seen.has('extension')) {
      say('ok', 'The Tally extension answers this page: hover an operation to see its cost.');
    }
  };

  say(
    'waiting',
    mode === 'embed' ? 'Loading the embedded Tally widget…' : 'Looking for the Tally extension…',
  );
  onReady((kind) => {
    seen.add(kind);
    update();
  });
  if (mode === 'extension') {
    setTimeout(() => {
      if (seen.has('extension')) return;
      say(
        'absent',
        'No Tally extension on this page. Operations still run, and the server refuses one that does not fit — install the extension (see the README) or switch to Embedded.',
      );
    }, GRACE_MS);
  }
}

export function showEmbedFailure(status: HTMLElement, error: unknown): void {
  status.dataset.tone = 'absent';
  status.textContent = errorMessage(error);
}
