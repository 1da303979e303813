// Where this script was served from: by default the widget talks to the billing server that
// served it (`<script src="https://billing.example/embed/tally.js">` needs no `api`).
// Read once, while the script runs: `document.currentScript` is only set during that time.
const classicSrc =
  typeof document !== 'undefined' && document.currentScript instanceof HTMLScriptElement
    ? document.currentScript.src
    : '';

export function scriptOrigin(): string | undefined {
  const src = classicSrc || (typeof import.meta.url === 'string' ? import.meta.url : '');
  if (!src) return undefined;
  try {
    const url = new URL(src);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
