// A vendor's editor on its own origin, for end-to-end tests and the benchmark: a tiny loopback
// server with three pages including the embed from the billing server (`/`: classic script and
// custom element; `/module`: ES module and mount(); `/classic-mount`: classic script and
// Tally.configure and Tally.mount called right after its tag), and a member token from "its
// backend" (GET /token), as a vendor's session endpoint would hand it out.
import { createServer, type Server } from 'node:http';

export interface HostPage {
  /** http://127.0.0.1:PORT, an origin of its own (the port differs from the billing server's). */
  origin: string;
  /** What the page includes; known only once the billing server (which must know `origin`) runs. */
  serve(options: HostPageOptions): void;
  close(): Promise<void>;
}

export interface HostPageOptions {
  billingUrl: string;
  token: string;
  layout?: 'compact' | 'expanded';
  /** The `/module` page's theme; 'light' unless given ('auto' follows the colour scheme). */
  theme?: 'light' | 'dark' | 'auto';
  /** Subresource Integrity of module URLs, given in an import map before the scripts. */
  integrity?: Record<string, string>;
  /** The pages' `<html lang>`, which the widget speaks when it has no language of its own. */
  pageLang?: string;
}

function importMap(integrity: HostPageOptions['integrity']): string {
  return integrity ? `<script type="importmap">${JSON.stringify({ integrity })}</script>` : '';
}

// The host's stylesheet is hostile on purpose: none of it may reach the widget.
const HOST_CSS = `
    * { font-family: serif !important; color: rgb(255, 0, 0); letter-spacing: 3px; }
    div, span, p, button { border: 3px dashed red; padding: 20px; }
    tally-credits, #slot { --tally-accent: rgb(0, 128, 0); }`;

/** `/`: the classic script and `<tally-credits>` (no `api`: it defaults to the script's origin). */
function elementPage({ billingUrl, layout = 'expanded', integrity }: HostPageOptions): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Vendor editor</title>
  <style>${HOST_CSS}</style>
  ${importMap(integrity)}
</head>
<body>
  <h1>Vendor editor</h1>
  <button type="button" data-tally-operation="smart-crop">Smart Crop</button>
  <tally-credits layout="${layout}"></tally-credits>
  <script src="${billingUrl}/embed/tally.js"></script>
  <script>
    document.querySelector('tally-credits').getToken = () =>
      fetch('/token').then((response) => response.text());
  </script>
</body>
</html>`;
}

/** `/module`: the ES module and `mount()`, with every option given. */
function modulePage({
  billingUrl,
  layout = 'expanded',
  theme = 'light',
  pageLang = 'en',
}: HostPageOptions): string {
  return `<!doctype html>
<html lang="${pageLang}">
<head>
  <meta charset="utf-8">
  <title>Vendor editor (module)</title>
  <style>${HOST_CSS}</style>
</head>
<body>
  <div id="slot"></div>
  <script type="module">
    import { mount } from '${billingUrl}/embed/tally.mjs';
    mount(document.getElementById('slot'), {
      api: '${billingUrl}',
      layout: '${layout}',
      theme: '${theme}',
      getToken: () => fetch('/token').then((response) => response.text()),
    });
  </script>
</body>
</html>`;
}

/**
 * `/classic-mount`: `window.Tally` used in the script right after the tag, before the widget's
 * module has arrived. The title shows `Tally.version`, read then too.
 */
function classicMountPage({ billingUrl, layout = 'expanded' }: HostPageOptions): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Vendor editor (classic mount)</title>
  <style>${HOST_CSS}</style>
</head>
<body>
  <div id="slot"></div>
  <script src="${billingUrl}/embed/tally.js"></script>
  <script>
    Tally.configure({ getToken: () => fetch('/token').then((response) => response.text()) });
    Tally.mount(document.getElementById('slot'), { layout: '${layout}', theme: 'light' });
    document.title = 'Vendor editor with Tally ' + Tally.version;
  </script>
</body>
</html>`;
}

const PAGES: Record<string, (options: HostPageOptions) => string> = {
  '/module': modulePage,
  '/classic-mount': classicMountPage,
};

export async function startHostPage(): Promise<HostPage> {
  let options: HostPageOptions | undefined;
  const server: Server = createServer((request, response) => {
    if (!options) {
      response.writeHead(503).end();
      return;
    }
    if (request.url === '/token') {
      response.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
      response.end(options.token);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end((PAGES[request.url ?? '/'] ?? elementPage)(options));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    serve(next) {
      options = next;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
