// How the embed loads, in a real Chromium against the real server: the classic script is a
// small loader, so `window.Tally` works from the moment its tag ran and the widget draws once
// its module arrives; the compact chip loads only what it shows, and the chunk with the dialog
// (and the expanded layout) comes the first time it is needed, the usage chart's only with the
// expanded layout; a page's import map can have the browser check the modules' integrity, as
// docs/embedding.md says.

import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type HostPage, startHostPage } from '../embed/host-page.ts';
import { available, widget } from '../embed/shadow.ts';
import { CHROMIUM_ARGS } from '../support/browser.ts';
import { startServer, type TestServer } from '../support/server.ts';

// A loaded 2-core machine runs these: wait generously, fail only on what never happens.
const PATIENT = { timeout: 15_000 };
const ON_DEMAND = /\/embed\/tally-on-demand-chunk\.[^/]+\.mjs$/;
const USAGE_CHART = /\/embed\/tally-usage-chart-chunk\.[^/]+\.mjs$/;
let server: TestServer;
let browser: Browser;
let host: HostPage;
let page: Page;
const requested: string[] = [];

beforeAll(async () => {
  [host, browser] = await Promise.all([
    startHostPage(),
    chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS }),
  ]);
  server = await startServer({ env: { TALLY_CORS_ORIGINS: host.origin } });
  host.serve({ billingUrl: server.url, token: server.demo.ada.token, layout: 'compact' });
  page = await browser.newPage();
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(`${host.origin}/classic-mount`);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([server?.stop(), host?.close()]);
});

test('Tally.configure and Tally.mount, called right after the classic tag, draw the widget', async () => {
  const { version } = (await (await fetch(`${server.url}/v1/health`)).json()) as {
    version: string;
  };
  expect(await page.title()).toBe(`Vendor editor with Tally ${version}`);
  const chip = widget(page).getByTestId('chip-label');
  await expect.poll(() => chip.textContent(), PATIENT).toBe('4,570 credits');
  // A mistake in the page's code throws at the call, before any module is asked.
  const thrown = await page.evaluate(() => {
    const tally = (window as unknown as { Tally: Record<string, (...args: unknown[]) => unknown> })
      .Tally;
    const nameOf = (call: () => unknown) => {
      try {
        call();
        return null;
      } catch (error) {
        return (error as Error).name;
      }
    };
    return [
      nameOf(() => tally.mount?.('#slot')),
      nameOf(() => tally.usageRecorded?.('smart-crop', 0)),
    ];
  });
  expect(thrown).toEqual(['TypeError', 'RangeError']);
  // Once the module is here, the loader hands out the element's class too.
  expect(
    await page.evaluate(
      () =>
        (window as unknown as { Tally: { TallyCreditsElement?: unknown } }).Tally
          .TallyCreditsElement === customElements.get('tally-credits'),
    ),
  ).toBe(true);
});

test('the compact chip and its panel load no on-demand chunk; the first dialog loads it, and not the usage chart', async () => {
  const chip = widget(page).getByRole('button', { name: '4,570 credits' });
  await chip.click();
  await widget(page).getByTestId('available').waitFor(PATIENT);
  await chip.click();
  expect(requested.filter((url) => ON_DEMAND.test(url) || USAGE_CHART.test(url))).toEqual([]);

  // 1,200 Lifestyle Crops are 4,920 credits, more than the 4,570 there are: the dialog opens.
  const decision = page.evaluate(() =>
    (
      window as unknown as { Tally: { preflight(o: string, q: number): Promise<unknown> } }
    ).Tally.preflight('lifestyle-crop', 1200),
  );
  const dialog = widget(page).getByRole('dialog', { name: /Not enough credits/ });
  await dialog.waitFor(PATIENT);
  expect(requested.filter((url) => ON_DEMAND.test(url))).toHaveLength(1);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await decision).toMatchObject({ decision: 'cancel', overage: false });
  expect(requested.filter((url) => USAGE_CHART.test(url))).toEqual([]);
});

/** The modules' integrity from the built manifest, as a vendor copies it into its import map. */
function moduleIntegrity(): Record<string, string> {
  const manifest = JSON.parse(readFileSync('dist/embed/manifest.json', 'utf8')) as {
    modules: { file: string; integrity: string }[];
  };
  return Object.fromEntries(
    manifest.modules.map(({ file, integrity }) => [`${server.url}/embed/${file}`, integrity]),
  );
}

test('with the manifest’s hashes in an import map the widget loads; with a wrong one it does not', async () => {
  const integrity = moduleIntegrity();
  host.serve({ billingUrl: server.url, token: server.demo.ada.token, integrity });
  const checked = await browser.newPage();
  await checked.goto(host.origin);
  await expect.poll(() => available(checked).textContent(), PATIENT).toBe('4,570');
  await checked.close();

  const core = Object.keys(integrity).find((url) => url.includes('/tally-core.')) ?? '';
  const wrong = { ...integrity, [core]: `sha384-${Buffer.alloc(48).toString('base64')}` };
  host.serve({ billingUrl: server.url, token: server.demo.ada.token, integrity: wrong });
  const refused = await browser.newPage();
  const failure = refused.waitForEvent('console', {
    predicate: (message) => message.text().startsWith('Tally: the widget could not be loaded'),
    ...PATIENT,
  });
  await refused.goto(host.origin);
  await failure;
  expect(await refused.evaluate(() => customElements.get('tally-credits'))).toBeUndefined();
  await refused.close();
});
