import { useState } from 'preact/hooks';
import type { CreditModel } from '../lib/store/credit-model.ts';
import { ChipPanel } from './ChipPanel.tsx';
import { HoverPreview } from './HoverPreview.tsx';
import { clampPlace, MoveHandle, type Place } from './MoveHandle.tsx';
import { ReceiptLine } from './ReceiptLine.tsx';

interface EditorWidgetProps {
  model: CreditModel;
  /** The editor page whose `data-tally-operation` elements get cost previews. */
  page?: Document;
  theme?: 'light' | 'dark';
  /** Where the user last moved the widget, and how to remember a new place. */
  place?: { initial: Place; save(place: Place): void };
}

/**
 * What the extension shows inside an editor page: the chip (movable off what it covers), the
 * receipt line and hover previews. No dialog: the extension asks in its consent frame, out of
 * the page's reach (the embed, which asks in page, renders OverageDialog itself).
 */
export function EditorWidget({ model, page = document, theme, place }: EditorWidgetProps) {
  const [at, setAt] = useState<Place>(() =>
    clampPlace(place?.initial ?? { right: 16, bottom: 16 }, {
      width: window.innerWidth,
      height: window.innerHeight,
    }),
  );
  const handle = place && <MoveHandle place={at} onMove={setAt} onPlaced={place.save} />;
  return (
    <div class="tally" data-theme={theme}>
      <div class="t-widget" style={{ right: `${at.right}px`, bottom: `${at.bottom}px` }}>
        <ReceiptLine model={model} />
        <ChipPanel model={model} class="t-widget__chip" opens="above" beside={handle} />
      </div>
      <HoverPreview model={model} page={page} />
    </div>
  );
}
