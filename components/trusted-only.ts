/**
 * Wraps a consent handler so it runs only for a person's own click or key press: a page
 * script can reach the widget's buttons (an open shadow root, a synthetic `click()`), but
 * it cannot make a trusted event, so it cannot spend the user's money.
 */
export function trustedOnly(action: () => void) {
  return (event: Event) => {
    if (event.isTrusted === true) action();
  };
}
