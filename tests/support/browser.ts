// A real Chromium (Debian's /usr/bin/chromium) with the built extension loaded, for the
// extension's end-to-end tests and benchmark. Usage:
//
//   const browser = await launchWithExtension();          // loads .output/chrome-mv3
//   const popup = await browser.openPopup();              // chrome-extension://<id>/popup.html
//   await browser.stopServiceWorker();                    // as MV3 does to an idle worker
//   await browser.close();
//
// Headless extension loading needs Chromium's new headless mode, which `headless: true` is.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Frame, type Page, type Worker } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const EXTENSION_PATH = join(root, '.output/chrome-mv3');
const CHROMIUM = process.env.TALLY_CHROMIUM ?? '/usr/bin/chromium';

/** The flags the machine needs (see the README): no sandbox as root, no calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker, waiting for it to start again if it was stopped. */
  serviceWorker(): Promise<Worker>;
  openPopup(): Promise<Page>;
  /** Stops the service worker through CDP (`Target.closeTarget`), as Chrome does to idle ones. */
  stopServiceWorker(): Promise<void>;
  close(): Promise<void>;
}

export async function launchWithExtension(
  options: {
    extensionPath?: string;
    viewport?: { width: number; height: number };
    /** The browser's UI language ("de"), which the extension speaks; English by default. */
    language?: string;
  } = {},
): Promise<ExtensionBrowser> {
  const extensionPath = options.extensionPath ?? EXTENSION_PATH;
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionPath}: run \`npm run build:ext\` first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'tally-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      ...(options.language ? [`--lang=${options.language}`] : []),
    ],
  });
  const isOurs = (worker: Worker) => worker.url().startsWith('chrome-extension://');
  const first =
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }));
  const extensionId = new URL(first.url()).host;
  const workerUrl = `chrome-extension://${extensionId}/background.js`;

  async function serviceWorker(): Promise<Worker> {
    const running = context.serviceWorkers().find((worker) => worker.url() === workerUrl);
    if (running) return running;
    return context.waitForEvent('serviceworker', {
      predicate: (worker) => worker.url() === workerUrl,
      timeout: 15_000,
    });
  }

  return {
    context,
    extensionId,
    serviceWorker,
    async openPopup() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      return page;
    },
    async stopServiceWorker() {
      const browser = context.browser();
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = browser
        ? await browser.newBrowserCDPSession()
        : await context.newCDPSession(page);
      try {
        const { targetInfos } = (await cdp.send('Target.getTargets')) as {
          targetInfos: { targetId: string; type: string; url: string }[];
        };
        const target = targetInfos.find(
          (info) => info.type === 'service_worker' && info.url === workerUrl,
        );
        if (!target) throw new Error(`No running service worker at ${workerUrl}`);
        const old = context.serviceWorkers().find((worker) => worker.url() === workerUrl);
        const closed = new Promise<void>((done) => {
          if (!old) return done();
          old.once('close', () => done());
          setTimeout(done, 3_000); // a page's port may restart it before Playwright notices
        });
        await cdp.send('Target.closeTarget', { targetId: target.targetId });
        await closed;
      } finally {
        await cdp.detach().catch(() => undefined);
      }
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Fills the popup's Connect form and waits until it says whom it connected as. */
export async function connectInPopup(popup: Page, apiUrl: string, token: string): Promise<void> {
  const form = popup.getByRole('form', { name: 'Connect to Tally' });
  const settings = popup.getByRole('button', { name: 'Connection settings' });
  // The popup draws once the worker answered: the form (not connected) or the settings button.
  await form.or(settings).first().waitFor({ timeout: 15_000 });
  if (!(await form.isVisible())) await settings.click();
  await form.getByLabel('API URL').fill(apiUrl);
  await form.getByLabel('Token').fill(token);
  await form.getByRole('button', { name: 'Connect', exact: true }).click();
  // Connected: the form closes (or says whom it connected as); a refusal shows an alert.
  await popup.waitForFunction(
    () => {
      const shown = document.querySelector('form[aria-label="Connect to Tally"]');
      return (
        !shown || shown.textContent?.includes('Connected as') || shown.querySelector('[role=alert]')
      );
    },
    undefined,
    { timeout: 10_000 },
  );
  const refusal = form.getByRole('alert');
  if (await refusal.isVisible()) throw new Error(`Connect failed: ${await refusal.textContent()}`);
}

/**
 * Records everything the service worker posts on runtime ports opened from now on (the only
 * way it talks to content scripts): reload the pages afterwards. Run it again after the
 * worker restarted: a new worker is a new global scope.
 */
export async function recordPortMessages(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    type Port = { postMessage(message: unknown): void };
    const scope = globalThis as unknown as {
      chrome: { runtime: { onConnect: { addListener(listener: (port: Port) => void): void } } };
      __tallyPosted?: string[];
    };
    if (scope.__tallyPosted) return;
    const posted: string[] = [];
    scope.__tallyPosted = posted;
    // Every onConnect listener gets the same Port object: wrap its postMessage before the
    // worker's first (asynchronous) post on it.
    scope.chrome.runtime.onConnect.addListener((port) => {
      const original = port.postMessage.bind(port);
      port.postMessage = (message: unknown) => {
        posted.push(JSON.stringify(message));
        original(message);
      };
    });
  });
}

/** What `recordPortMessages` saw since it was installed in the running worker. */
export function postedPortMessages(worker: Worker): Promise<string[]> {
  return worker.evaluate(
    () => (globalThis as unknown as { __tallyPosted?: string[] }).__tallyPosted ?? [],
  );
}

/**
 * The extension's consent dialog, framed over the editor page. Its host's shadow root is closed
 * (the page must not reach it), so the frame is found by its URL in the page's frame tree.
 */
export async function consentFrame(page: Page): Promise<Frame> {
  const isConsent = (frame: Frame) => frame.url().includes('/consent.html');
  return (
    page.frames().find(isConsent) ??
    (await page.waitForEvent('framenavigated', { predicate: isConsent, timeout: 10_000 }))
  );
}

/** How many consent frames the page has now. */
export function consentFrames(page: Page): number {
  return page.frames().filter((frame) => frame.url().includes('/consent.html')).length;
}

/**
 * Does `act` in the consent frame as a person does (trusted input). An answer removes the frame,
 * and with it, at times, the input's own acknowledgement: the frame going away is the answer
 * arriving, so whichever comes first ends the wait.
 */
export async function actInConsent(page: Page, frame: Frame, act: () => Promise<void>) {
  const detached = new Promise<void>((resolve) => {
    const onDetached = (gone: Frame) => {
      if (gone !== frame) return;
      page.off('framedetached', onDetached);
      resolve();
    };
    page.on('framedetached', onDetached);
  });
  await Promise.race([act().catch(() => undefined), detached]);
}

/** Clicks a button of the consent dialog (see actInConsent). */
export async function chooseInConsent(page: Page, name: string): Promise<void> {
  const frame = await consentFrame(page);
  const button = frame.getByRole('button', { name, exact: true });
  await button.waitFor();
  await actInConsent(page, frame, () => button.click());
}
