import { useMessages } from '../components/messages-context.ts';
import type { TextKey } from '../lib/i18n/messages.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';
import type { Layout } from './configure.ts';

export type Notice = 'no-api' | 'unreachable' | 'session-expired' | 'needs-update';

/**
 * What to say instead of numbers: nothing to connect to, billing unreachable with nothing
 * loaded yet (network, or this page's origin refused by CORS), or a token the server refused
 * (never show numbers a refused session made stale), or answers this version cannot read
 * (a newer server, or a broken one: no numbers rather than misread ones).
 */
export function noticeFor(model: CreditModel | undefined, api: string | undefined): Notice | null {
  if (!model || !api) return 'no-api';
  const status = model.status.value;
  if (status === 'unauthorized') return 'session-expired';
  if (status === 'outdated') return 'needs-update';
  if (status === 'offline' && !model.snapshot.value) return 'unreachable';
  return null;
}

const TEXT: Record<Notice, [TextKey, TextKey]> = {
  'no-api': ['notSetUp', 'notSetUpBody'],
  unreachable: ['unreachable', 'unreachableBody'],
  'session-expired': ['sessionExpired', 'sessionExpiredBody'],
  'needs-update': ['needsUpdate', 'needsUpdateBody'],
};

interface EmbedNoticeProps {
  notice: Notice | null;
  model: CreditModel | undefined;
  layout: Layout;
}

export function EmbedNotice({ notice, model, layout }: EmbedNoticeProps) {
  const m = useMessages();
  const [title, body] = TEXT[notice ?? 'no-api'].map((key) => m.t(key));
  const retry = model && notice !== 'no-api' ? () => void model.refresh() : undefined;
  const busy = model?.status.value === 'loading';
  return (
    <div
      class={`t-embed-notice t-embed-notice--${layout}`}
      role="alert"
      data-testid="embed-notice"
      data-notice={notice}
      title={layout === 'compact' ? body : undefined}
    >
      <span class="t-dot" aria-hidden="true" />
      <span class="t-embed-notice__text">
        <strong>{title}</strong>
        {layout === 'expanded' && <span class="t-muted">{body}</span>}
      </span>
      {retry && (
        <button type="button" class="t-button t-button--quiet" disabled={busy} onClick={retry}>
          {m.t(busy ? 'retrying' : 'retry')}
        </button>
      )}
    </div>
  );
}
