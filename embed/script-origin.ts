// Where this module was served from: by default the widget talks to the billing server that
// served it (`<script src="https://billing.example/embed/tally.js">` needs no `api`). The
// classic tally.js imports this module from beside itself, so the origin is the same.
export function scriptOrigin(): string | undefined {
  const src = typeof import.meta.url === 'string' ? import.meta.url : '';
  if (!src) return undefined;
  try {
    const url = new URL(src);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
