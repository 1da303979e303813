// docs/page-protocol.md: when both the embed and the extension are on one page, the embed answers and the
// extension's in-page widget stands down. The embed marks <html> while it answers; a DOM
// attribute is visible to the page and to content scripts alike, and is there whenever the
// extension looks, however late either of them started.

export const EMBED_MARKER = 'data-tally-embed';
/** Marks <html> once the extension's widget is ready, so a page script that starts later knows. */
export const EXTENSION_MARKER = 'data-tally-extension';

export function isEmbedActive(doc: Document = document): boolean {
  return doc.documentElement.hasAttribute(EMBED_MARKER);
}

export function markEmbedActive(doc: Document = document): () => void {
  doc.documentElement.setAttribute(EMBED_MARKER, 'active');
  return () => doc.documentElement.removeAttribute(EMBED_MARKER);
}

/** Calls `onChange` now and whenever the embed comes or goes. */
export function watchEmbed(
  onChange: (active: boolean) => void,
  doc: Document = document,
): () => void {
  let active = isEmbedActive(doc);
  onChange(active);
  const View = doc.defaultView?.MutationObserver ?? MutationObserver;
  const observer = new View(() => {
    const now = isEmbedActive(doc);
    if (now === active) return;
    active = now;
    onChange(active);
  });
  observer.observe(doc.documentElement, { attributes: true, attributeFilter: [EMBED_MARKER] });
  return () => observer.disconnect();
}
