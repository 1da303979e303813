/**
 * Where focus goes back after a consent dialog: the element that started the operation. A click
 * focuses a button and the page may disable it at once (the demo editor does), which drops focus
 * to `<body>`; so the opener is the last element focused, remembered from `focusin`.
 */
export function watchOpener(doc: Document = document) {
  let last: HTMLElement | null = null;
  const onFocus = (event: FocusEvent) => {
    const target = event.composedPath()[0];
    if (target instanceof HTMLElement && target !== doc.body) last = target;
  };
  doc.addEventListener('focusin', onFocus, true);

  /** The opener of a dialog opening now. */
  function opener(): HTMLElement | null {
    const active = doc.activeElement;
    if (active instanceof HTMLElement && active !== doc.body) return active;
    return last?.isConnected ? last : null;
  }

  return { opener, stop: () => doc.removeEventListener('focusin', onFocus, true) };
}

const FOCUS_BLOCKERS = ['disabled', 'hidden', 'inert', 'aria-disabled'];

/**
 * Focuses `element` now, or as soon as the page makes it focusable again (enables it after the
 * operation); gives up when the user focuses something else or the element leaves the page.
 */
export function returnFocus(element: HTMLElement | null): void {
  if (!element?.isConnected) return;
  const doc = element.ownerDocument;
  element.focus();
  if (doc.activeElement === element) return;
  // The dialog may still be closing (a modal dialog makes the page inert): try once it has.
  doc.defaultView?.requestAnimationFrame(() => {
    if (doc.activeElement === doc.body || doc.activeElement === null) element.focus();
  });
  const observer = new MutationObserver(() => {
    if (!element.isConnected) return stop();
    element.focus();
    if (doc.activeElement === element) stop();
  });
  const onFocus = () => stop();
  function stop() {
    observer.disconnect();
    doc.removeEventListener('focusin', onFocus, true);
  }
  observer.observe(element, { attributes: true, attributeFilter: FOCUS_BLOCKERS });
  doc.addEventListener('focusin', onFocus, true);
}
