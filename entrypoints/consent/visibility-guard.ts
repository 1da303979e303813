/**
 * Whether `element` is fully visible now, as Chromium measures it (IntersectionObserver with
 * `trackVisibility`). The page cannot read or restyle Tally's frame, but it can lay its own
 * top-layer element over it that lets clicks through, even just before a click; a fresh
 * observation taken after the click sees what covered the dialog when it was clicked. Where the
 * browser cannot tell (no `isVisible`), it counts as visible.
 */
export function visibleNow(element: Element | null): Promise<boolean> {
  if (!element) return Promise.resolve(false);
  return new Promise((resolve) => {
    let observer: IntersectionObserver;
    try {
      observer = new IntersectionObserver(
        (entries) => {
          observer.disconnect();
          const entry = entries.at(-1) as
            | (IntersectionObserverEntry & { isVisible?: boolean })
            | undefined;
          resolve(entry?.isVisible ?? entry?.isIntersecting ?? false);
        },
        { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
      );
    } catch {
      resolve(true);
      return;
    }
    observer.observe(element);
  });
}
