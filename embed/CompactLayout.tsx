import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { BalanceChip } from '../components/BalanceChip.tsx';
import { BalancePanel } from '../components/BalancePanel.tsx';
import type { CreditModel } from '../lib/store/credit-model.ts';

/** A chip that sits in the host's toolbar; it opens the balance panel in place. */
export function CompactLayout({ model }: { model: CreditModel }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  // A layout effect, not useEffect (which waits for the next frame): the panel must close on an
  // Escape or outside click from the moment it is drawn, not a frame later.
  useLayoutEffect(() => {
    if (!open) return;
    const doc = root.current?.ownerDocument;
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
    };
  }, [open]);
  return (
    <div class="t-embed-compact" ref={root}>
      <BalanceChip model={model} expanded={open} onClick={() => setOpen(!open)} />
      {open && <BalancePanel model={model} class="t-embed-popover" />}
    </div>
  );
}
