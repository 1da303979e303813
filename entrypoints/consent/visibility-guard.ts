/**
 * Whether `element` is fully visible now, as Chromium measures it (IntersectionObserver with
 * `trackVisibility`). The page cannot read or restyle Tally's frame, but it can lay its own
 * top-layer element over it that lets clicks through, even just before a click; a fresh
 * observation taken after the click sees what covered the dialog when it was clicked. Where the
 * browser cannot tell (no `isVisible`), it counts as visible.
 */
export async function visibleNow(element: Element | null): Promise<boolean> {
  // Two observations apart: the frame is another process than the page, and on a busy machine
  // the first may still be drawn from before the page laid its layer; the second is not.
  if (!(await observeOnce(element))) return false;
  await new Promise((wake) => setTimeout(wake, SECOND_LOOK_MS));
  return observeOnce(element);
}

/** How long after the first observation the second is taken. */
const SECOND_LOOK_MS = 250;

function observeOnce(element: Element | null): Promise<boolean> {
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
