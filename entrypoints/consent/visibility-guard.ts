/**
 * Whether the consent dialog in `root` is fully visible right now, as Chromium measures it
 * (IntersectionObserver with `trackVisibility`). The page cannot read or restyle Tally's frame,
 * but it can lay its own top-layer element over it that lets clicks through; while anything
 * covers or fades the dialog, a click in it moves no money. Where the browser cannot tell
 * (no `isVisible`), it counts as visible.
 */
export function watchVisibility(root: Element): () => boolean {
  let visible = false;
  let measured = false;
  let observer: IntersectionObserver;
  try {
    observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const { isVisible } = entry as IntersectionObserverEntry & { isVisible?: boolean };
          measured = isVisible !== undefined;
          visible = isVisible ?? entry.isIntersecting;
        }
      },
      { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
  } catch {
    return () => true;
  }
  // The dialog is drawn once the request is known: watch whichever one is shown.
  let watched: Element | null = null;
  const follow = () => {
    const dialog = root.querySelector('dialog');
    if (dialog === watched) return;
    if (watched) observer.unobserve(watched);
    watched = dialog;
    visible = false;
    if (dialog) observer.observe(dialog);
  };
  new MutationObserver(follow).observe(root, { childList: true, subtree: true });
  follow();
  return () => visible || !measured;
}
