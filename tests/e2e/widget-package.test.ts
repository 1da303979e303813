// The widget as a vendor who bundles its editor gets it: `npm pack`ed by scripts/pack-widget.mjs,
// installed from the tarball (offline) into a fresh Vite app, whose small use of it must
// type-check, build, and then show the live balance in a real Chromium.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { available } from '../embed/shadow.ts';
import { CHROMIUM_ARGS } from '../support/browser.ts';
import { startServer, type TestServer } from '../support/server.ts';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  version: string;
};
const PATIENT = { timeout: 15_000 };

// What the vendor writes. The element's getToken is typed through HTMLElementTagNameMap, and the
// expect-error directives fail the type-check if the package's types were missing or loose.
const MAIN_TS = `
import { configure, type Decision, mount, preflight, version } from '@tally/widget';

const params = new URLSearchParams(location.search);
configure({ theme: 'light' });
const element = document.querySelector('tally-credits')!;
element.setAttribute('api', params.get('api') ?? '');
element.getToken = async () => params.get('token') ?? '';
document.title = \`Vendor editor with Tally \${version}\`;

export function typeChecks(slot: HTMLElement): Promise<Decision> {
  // @ts-expect-error: there is no such layout
  mount(slot, { layout: 'sideways' });
  // @ts-expect-error: getToken returns the token, not an object
  configure({ getToken: () => ({ token: 'x' }) });
  mount(slot, { layout: 'compact', theme: 'dark' }).unmount();
  return preflight('smart-crop', 1, { timeoutMs: 500 });
}
`;

const INDEX_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Vendor editor</title></head>
<body>
  <tally-credits layout="expanded"></tally-credits>
  <script type="module" src="/src/main.ts"></script>
</body>
</html>
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    lib: ['ES2022', 'DOM'],
    strict: true,
    noEmit: true,
    skipLibCheck: false,
  },
  include: ['src'],
};

let app: string;
let site: Server;
let siteOrigin: string;
let server: TestServer;
let browser: Browser;

/** Runs a command of the app (its own node_modules/.bin), failing with what it printed. */
async function inApp(script: string, args: string[]): Promise<void> {
  try {
    await run(process.execPath, [join(app, 'node_modules', script), ...args], { cwd: app });
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    throw new Error(`${script} ${args.join(' ')} failed:\n${stdout}\n${stderr}`);
  }
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

/** Serves the app's build (dist/) on a loopback port of its own, a vendor's origin. */
async function serveBuild(): Promise<void> {
  site = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const file = join(app, 'dist', path === '/' ? 'index.html' : path);
    try {
      const body = readFileSync(file);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => site.listen(0, '127.0.0.1', done));
  siteOrigin = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
}

beforeAll(async () => {
  app = mkdtempSync(join(tmpdir(), 'tally-vite-app-'));
  const { stdout } = await run(process.execPath, [
    join(repo, 'scripts/pack-widget.mjs'),
    '--out',
    join(app, 'pack'),
  ]);
  const tarball = stdout.trim();
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'vendor-editor', private: true, type: 'module' }),
  );
  // Only the tarball is installed (it has no dependencies): nothing comes from the network.
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: app });
  // The app's tools are the repository's own Vite and TypeScript.
  for (const tool of ['vite', 'typescript']) {
    symlinkSync(join(repo, 'node_modules', tool), join(app, 'node_modules', tool), 'dir');
  }
  mkdirSync(join(app, 'src'));
  writeFileSync(join(app, 'src/main.ts'), MAIN_TS);
  writeFileSync(join(app, 'index.html'), INDEX_HTML);
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(TSCONFIG));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((done) => site?.close(done) ?? done(undefined));
  rmSync(app, { recursive: true, force: true });
});

test('the installed package has its exports, types and sideEffects, at the repository’s version', () => {
  const manifest = JSON.parse(
    readFileSync(join(app, 'node_modules/@tally/widget/package.json'), 'utf8'),
  );
  expect(manifest).toMatchObject({
    version,
    types: './index.d.ts',
    exports: { '.': { types: './index.d.ts', default: './tally.mjs' } },
    sideEffects: ['./tally.mjs', `./tally-core.${version}.mjs`],
  });
});

test('a small use of it type-checks with tsc', async () => {
  await inApp('typescript/bin/tsc', ['-p', 'tsconfig.json']);
}, 60_000);

test('the app builds with Vite and shows the live balance in Chromium', async () => {
  await inApp('vite/bin/vite.js', ['build', '--logLevel', 'error']);
  await serveBuild();
  server = await startServer({ env: { TALLY_CORS_ORIGINS: siteOrigin } });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  const query = new URLSearchParams({ api: server.url, token: server.demo.ada.token });
  await page.goto(`${siteOrigin}/?${query}`);
  await expect.poll(() => available(page).textContent(), PATIENT).toBe('4,570');
  // One version: the bundled widget's, the server's /v1/health and the extension's manifest.
  expect(await page.title()).toBe(`Vendor editor with Tally ${version}`);
  const health = (await (await fetch(`${server.url}/v1/health`)).json()) as { version: string };
  expect(health.version).toBe(version);
  const extension = JSON.parse(
    readFileSync(join(repo, '.output/chrome-mv3/manifest.json'), 'utf8'),
  );
  expect(extension.version).toBe(version);
}, 90_000);
