import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CreditModel } from '../lib/store/credit-model.ts';
import { BalanceChip } from './BalanceChip.tsx';
import { BalancePanel } from './BalancePanel.tsx';
import { fitAbove, keepInView } from './keep-in-view.ts';
import { useMessages } from './messages-context.ts';

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
  const m = useMessages();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  /** The panel inside the viewport (keep-in-view.ts), wherever the chip and its size put it. */
  const place = () => {
    const panel = root.current?.querySelector<HTMLElement>(':scope > .t-panel');
    if (!panel) return;
    keepInView(panel);
    if (opens === 'above') fitAbove(panel, m.t('panelLabel'));
  };
  // Every render: the floating widget re-renders this when it is moved.
  useLayoutEffect(() => {
    if (open) place();
  });
  // A layout effect, not useEffect (which waits for the next frame): the panel must close on an
  // Escape or outside click from the moment it is drawn, not a frame later.
  useLayoutEffect(() => {
    if (!open) return;
    const doc = root.current?.ownerDocument;
    const view = doc?.defaultView;
    // Clicks in the host page reach us retargeted to our host element: composedPath tells.
    const onPointer = (event: Event) => {
      if (root.current && !event.composedPath().includes(root.current)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    // The chip's label and the panel's sections change size as their data comes in; placed
    // again a frame later, as placing may itself resize what is observed.
    let frame = 0;
    const placeSoon = () => {
      view?.cancelAnimationFrame(frame);
      frame = view?.requestAnimationFrame(place) ?? 0;
    };
    const sizes = view?.ResizeObserver ? new view.ResizeObserver(placeSoon) : null;
    const panel = root.current?.querySelector(':scope > .t-panel');
    for (const element of [root.current, panel, ...(panel?.children ?? [])]) {
      if (element) sizes?.observe(element);
    }
    doc?.addEventListener('pointerdown', onPointer, true);
    doc?.addEventListener('keydown', onKey);
    view?.addEventListener('resize', place);
    return () => {
      doc?.removeEventListener('pointerdown', onPointer, true);
      doc?.removeEventListener('keydown', onKey);
      view?.removeEventListener('resize', place);
      sizes?.disconnect();
      view?.cancelAnimationFrame(frame);
    };
  }, [open]);
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
