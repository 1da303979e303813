import type { ReadonlySignal } from '@preact/signals';
import { HoverPreview } from '../components/HoverPreview.tsx';
import { ReceiptLine } from '../components/ReceiptLine.tsx';
import type { AlertEvent } from '../lib/api/schemas/snapshot.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';
import { AlertBanner } from './AlertBanner.tsx';
import { CompactLayout } from './CompactLayout.tsx';
import type { Layout, Theme } from './configure.ts';
import { EmbedNotice, noticeFor } from './EmbedNotice.tsx';
import { LazyDialog } from './LazyDialog.tsx';
import { LazyExpandedLayout } from './LazyExpandedLayout.tsx';
import type { OnDemand } from './on-demand.ts';

interface EmbedAppProps {
  /** Absent when no API URL was given: the widget says so instead of staying blank. */
  model: CreditModel | undefined;
  api: string | undefined;
  layout: ReadonlySignal<Layout>;
  theme: ReadonlySignal<Theme>;
  /** The system prefers dark (for `theme="auto"`). */
  dark: ReadonlySignal<boolean>;
  page: Document;
  /** The expanded layout, the dialog and the team calls, loaded when first needed. */
  parts: OnDemand | undefined;
  /** The last low-balance alert heard on the stream (the transport's). */
  alert: ReadonlySignal<AlertEvent | null> | undefined;
}

/** The embed's root: a layout, or a clear notice when there is nothing true to show. */
export function EmbedApp({ model, api, layout, theme, dark, page, parts, alert }: EmbedAppProps) {
  const chosen = theme.value;
  const resolved = chosen === 'auto' ? (dark.value ? 'dark' : 'light') : chosen;
  const notice = noticeFor(model, api);
  return (
    <div class={`tally t-embed t-embed--${layout.value}`} data-theme={resolved}>
      {/* In the flow, before the chip or the panel: it moves the page's controls, never covers them. */}
      {model && alert && <AlertBanner alert={alert} model={model} />}
      {notice || !model || !parts ? (
        <EmbedNotice notice={notice} model={model} layout={layout.value} />
      ) : layout.value === 'compact' ? (
        <CompactLayout model={model} />
      ) : (
        <LazyExpandedLayout model={model} parts={parts} />
      )}
      {model && <ReceiptLine model={model} />}
      {model && <HoverPreview model={model} page={page} />}
      {model && parts && <LazyDialog model={model} parts={parts} />}
    </div>
  );
}
