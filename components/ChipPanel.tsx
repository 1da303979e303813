import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CreditModel } from '../lib/store/credit-model.ts';
import { BalanceChip } from './BalanceChip.tsx';
import { BalancePanel } from './BalancePanel.tsx';
import { fitAbove, keepInView } from './keep-in-view.ts';

interface ChipPanelProps {
  model: CreditModel;
  /** Classes of the wrapper (where the chip sits on the page). */
  class: string;
  /** Where the panel opens: above the chip (the floating widget) or below it (a toolbar). */
  opens: 'above' | 'below';
  /** Extra classes of the panel. */
  panelClass?: string;
  /** Drawn beside the chip (the floating widget's move handle). */
  beside?: ComponentChildren;
}

/**
 * The balance chip and the panel it opens, kept inside the viewport; Escape and a click outside
 * close the panel.
 */
export function ChipPanel({ model, class: placement, opens, panelClass, beside }: ChipPanelProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  // A layout effect, not useEffect (which waits for the next frame): the panel must close on an
  // Escape or outside click from the moment it is drawn, not a frame later.
  useLayoutEffect(() => {
    if (!open) return;
    const doc = root.current?.ownerDocument;
    // The panel inside the viewport from its first frame, and again whenever the window resizes.
    const place = () => {
      const panel = root.current?.querySelector<HTMLElement>(':scope > .t-panel');
      if (!panel) return;
      keepInView(panel);
      if (opens === 'above') fitAbove(panel);
    };
    place();
    doc?.defaultView?.addEventListener('resize', place);
    // Clicks in the host page reach us retargeted to our host element: composedPath tells.
    const onPointer = (event: Event) => {
      if (root.current && !event.composedPath().includes(root.current)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    doc?.addEventListener('pointerdown', onPointer, true);
    doc?.addEventListener('keydown', onKey);
    return () => {
      doc?.removeEventListener('pointerdown', onPointer, true);
      doc?.removeEventListener('keydown', onKey);
      doc?.defaultView?.removeEventListener('resize', place);
    };
  }, [open, opens]);
  const panel = open && <BalancePanel model={model} class={panelClass} />;
  const chip = <BalanceChip model={model} expanded={open} onClick={() => setOpen(!open)} />;
  return (
    <div class={placement} ref={root}>
      {opens === 'above' && panel}
      {beside ? (
        <div class="t-chip-row">
          {beside}
          {chip}
        </div>
      ) : (
        chip
      )}
      {opens === 'below' && panel}
    </div>
  );
}
