import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface ModalFrameProps {
  labelledBy: string;
  describedBy: string;
  /** Escape (the dialog's `cancel`) means cancel. */
  onCancel(): void;
  children: ComponentChildren;
}

/**
 * A native modal `<dialog>`: `showModal()` puts it in the top layer above the chip and its
 * panel, makes the rest of the page inert and moves focus to the `autofocus` element (the safe
 * choice); Escape closes it, which answers cancel. Focus goes back to where the operation was
 * started, which the caller restores (the opener may still be disabled when this closes).
 */
export function ModalFrame({ labelledBy, describedBy, onCancel, children }: ModalFrameProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef(onCancel);
  cancel.current = onCancel;
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    let open = true;
    // Escape may close the dialog without a cancelable `cancel` (Chrome's close watcher after
    // repeated presses), so `close` is what answers; a close this component made answers nothing.
    const onClose = () => {
      if (open) cancel.current();
    };
    element.addEventListener('close', onClose);
    element.showModal();
    return () => {
      open = false;
      element.removeEventListener('close', onClose);
      element.close();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      class="t-dialog"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
    >
      {children}
    </dialog>
  );
}
