import type { ReadonlySignal } from '@preact/signals';
import { HoverPreview } from '../components/HoverPreview.tsx';
import { OverageDialog } from '../components/OverageDialog.tsx';
import { ReceiptLine } from '../components/ReceiptLine.tsx';
import type { CreditModel } from '../lib/store/credit-model.ts';
import { CompactLayout } from './CompactLayout.tsx';
import type { Layout, Theme } from './configure.ts';
import { EmbedNotice, noticeFor } from './EmbedNotice.tsx';
import { ExpandedLayout } from './ExpandedLayout.tsx';

interface EmbedAppProps {
  /** Absent when no API URL was given: the widget says so instead of staying blank. */
  model: CreditModel | undefined;
  api: string | undefined;
  layout: ReadonlySignal<Layout>;
  theme: ReadonlySignal<Theme>;
  /** The system prefers dark (for `theme="auto"`). */
  dark: ReadonlySignal<boolean>;
  page: Document;
}

/** The embed's root: a layout, or a clear notice when there is nothing true to show. */
export function EmbedApp({ model, api, layout, theme, dark, page }: EmbedAppProps) {
  const chosen = theme.value;
  const resolved = chosen === 'auto' ? (dark.value ? 'dark' : 'light') : chosen;
  const notice = noticeFor(model, api);
  const Body = layout.value === 'compact' ? CompactLayout : ExpandedLayout;
  return (
    <div class={`tally t-embed t-embed--${layout.value}`} data-theme={resolved}>
      {notice || !model ? (
        <EmbedNotice notice={notice} model={model} layout={layout.value} />
      ) : (
        <Body model={model} />
      )}
      {model && <ReceiptLine model={model} />}
      {model && <HoverPreview model={model} page={page} />}
      {model && <OverageDialog model={model} />}
    </div>
  );
}
