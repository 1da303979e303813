// The one way both sides of the page protocol send and read events: a CustomEvent on the
// document whose detail is a JSON string, checked on arrival. Anything that does not parse or
// pass the check is ignored: any script on the page can dispatch these events.

export function sendEvent(name: string, detail: unknown, doc: Document = document): void {
  // The event constructor comes from the document's own window: in a Firefox content script
  // the global CustomEvent belongs to the sandbox, and happy-dom checks its own classes.
  const View = doc.defaultView?.CustomEvent ?? CustomEvent;
  doc.dispatchEvent(new View(name, { detail: JSON.stringify(detail) }));
}

/** `read` returns the checked detail, or undefined to ignore the event. */
export function listenForEvent<T>(
  name: string,
  read: (json: unknown) => T | undefined,
  onDetail: (detail: T) => void,
  doc: Document = document,
): () => void {
  const listener = (event: Event) => {
    const raw: unknown = (event as CustomEvent).detail;
    if (typeof raw !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return;
    }
    const detail = read(json);
    if (detail !== undefined) onDetail(detail);
  };
  doc.addEventListener(name, listener);
  return () => doc.removeEventListener(name, listener);
}
