import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import { editorScript } from './client-bundle.ts';

const PUBLIC = new URL('./public/', import.meta.url);

const publicFile = (name: string) => readFile(new URL(name, PUBLIC), 'utf8');

/** The demo editor page, its stylesheet and its script. */
export function editorPageRoutes(hasDemo: boolean): Hono {
  const page = new Hono();
  // Bundle now, not on the first visit; a failure is reported (and retried) by the route below.
  if (hasDemo) editorScript().catch(() => {});

  page.get('/', async (c) =>
    c.html(await publicFile(hasDemo ? 'index.html' : 'no-demo.html'), hasDemo ? 200 : 503),
  );
  page.get('/index.html', (c) => c.redirect('/editor', 301));
  page.get('/editor.css', async (c) =>
    c.body(await publicFile('editor.css'), 200, { 'Content-Type': 'text/css; charset=utf-8' }),
  );
  page.get('/editor.js', async (c) => {
    try {
      return c.body(await editorScript(), 200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'no-cache',
      });
    } catch (error) {
      console.error('demo editor: bundling the page script failed', error);
      return c.text('The editor script could not be built; see the server log.', 500);
    }
  });

  return page;
}
