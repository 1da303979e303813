// GET /embed/*: the embeddable widget's build (dist/embed/, made by `npm run build:embed`).
// A file named with its version (`tally.<version>.js`, `tally-core.<version>.mjs`, …) never
// changes, so it is cached forever; `tally.js` and `tally.mjs` follow the latest build, so they
// are revalidated by ETag on every load. Any origin may load them: a vendor's page on its own
// origin includes the script, which imports the modules (module scripts need CORS).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { Hono } from 'hono';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
const VERSIONED = /\.\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?\.m?js$/;
const SAFE_PATH = /^(?:[\w-][\w.-]*\/)*[\w-][\w.-]*$/;

/** The file path a URL names; null when its %-escapes are broken (it names no file). */
function decodedPath(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

export function embedFileRoutes(embedDir: string): Hono {
  const files = new Hono();
  const root = resolve(embedDir);

  files.get('/*', async (c) => {
    const relative = decodedPath(c.req.path.replace(/^\/embed\//, ''));
    if (relative === null) return c.text('Not found', 404);
    const type = CONTENT_TYPES[extname(relative)];
    const path = resolve(root, relative);
    if (
      !SAFE_PATH.test(relative) ||
      relative.includes('..') ||
      !type ||
      !path.startsWith(root + sep)
    ) {
      return c.text('Not found', 404);
    }
    const body = await readFile(path).catch(() => null);
    if (!body) {
      return c.text('Not found. The embeddable widget is built by `npm run build:embed`.', 404, {
        'Access-Control-Allow-Origin': '*',
      });
    }
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const headers: Record<string, string> = {
      'Content-Type': type,
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': VERSIONED.test(relative)
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
      ETag: etag,
      'X-Content-Type-Options': 'nosniff',
    };
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304, headers);
    return c.body(new Uint8Array(body), 200, headers);
  });

  return files;
}
