/** How far from the viewport's edges a popover (and the floating widget) stays. */
export const MARGIN = 8;

/**
 * Moves `element` sideways just enough to lie inside the viewport, `MARGIN` from its edges: a
 * panel aligned to a chip near the left edge of a narrow page would otherwise start off screen,
 * where nobody can scroll to it. An element wider than the room it has starts at the left
 * margin (its width is capped in CSS, so that does not happen on any screen 16 px wider).
 */
export function keepInView(element: HTMLElement): void {
  element.style.translate = '';
  const { left, right } = element.getBoundingClientRect();
  const room = element.ownerDocument.documentElement.clientWidth;
  let shift = 0;
  if (right > room - MARGIN) shift = room - MARGIN - right;
  if (left + shift < MARGIN) shift = MARGIN - left;
  if (shift !== 0) element.style.translate = `${shift}px 0`;
}

/**
 * Caps the height of `element`, which opens above what it belongs to, so that its top stays
 * `MARGIN` inside the viewport; what does not fit then scrolls inside it. A panel above a chip
 * fixed near the bottom of a short window (or moved up) would otherwise start above the top,
 * where a fixed element cannot be scrolled to. While it scrolls it is a focus stop named
 * `label`, so that keys scroll it too and a screen reader says what it is.
 */
export function fitAbove(element: HTMLElement, label: string): void {
  const scrolled = element.scrollTop;
  element.style.maxHeight = '';
  const { top, bottom } = element.getBoundingClientRect();
  const scrolls = top < MARGIN;
  if (scrolls) {
    element.style.maxHeight = `${Math.max(bottom - MARGIN, 0)}px`;
    element.style.overflowY = 'auto';
    element.scrollTop = scrolled;
    element.tabIndex = 0;
    element.setAttribute('role', 'region');
    element.setAttribute('aria-label', label);
    return;
  }
  element.style.overflowY = '';
  if (!element.hasAttribute('role')) return;
  element.removeAttribute('role');
  element.removeAttribute('aria-label');
  // Focused, it keeps the focus (out of the tab order): removing its tabindex would drop the
  // focus to the page.
  const focused = (element.getRootNode() as Document | ShadowRoot).activeElement === element;
  if (focused) element.tabIndex = -1;
  else element.removeAttribute('tabindex');
}
