// A vendor's page on another origin, in a real Chromium against the real server: allowed by
// TALLY_CORS_ORIGINS it shows the balance (isolated from the host's CSS, themed by its custom
// properties); not allowed, the browser refuses and the widget says "Cannot reach billing".
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type HostPage, startHostPage } from '../embed/host-page.ts';
import { available, widget } from '../embed/shadow.ts';
import { CHROMIUM_ARGS } from '../support/browser.ts';
import { startServer, type TestServer } from '../support/server.ts';

// A loaded 2-core machine runs these: wait generously, fail only on what never happens.
const PATIENT = { timeout: 15_000 };
let server: TestServer;
let browser: Browser;
let allowed: HostPage;
let refused: HostPage;

beforeAll(async () => {
  [allowed, refused, browser] = await Promise.all([
    startHostPage(),
    startHostPage(),
    chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS }),
  ]);
  server = await startServer({ env: { TALLY_CORS_ORIGINS: allowed.origin } });
  for (const host of [allowed, refused]) {
    host.serve({ billingUrl: server.url, token: server.demo.ada.token });
  }
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([server?.stop(), allowed?.close(), refused?.close()]);
});

async function open(host: HostPage, path = '/'): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${host.origin}${path}`);
  return page;
}

describe('a host page on its own origin', () => {
  test('allowed by TALLY_CORS_ORIGINS: the balance shows, untouched by the host’s CSS', async () => {
    // The element has no api attribute: it talks to the server that served the script.
    const page = await open(allowed);
    await expect.poll(() => available(page).textContent(), PATIENT).toBe('4,570');
    const figure = await available(page).evaluate((element) => {
      const style = getComputedStyle(element);
      return { font: style.fontFamily, color: style.color, spacing: style.letterSpacing };
    });
    expect(figure.font).toContain('system-ui');
    expect(figure.color).not.toBe('rgb(255, 0, 0)');
    expect(figure.spacing).not.toBe('3px');
    // The host's --tally-accent passes through the shadow boundary to the meter.
    const meter = widget(page).locator('.t-meter__available');
    expect(await meter.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(
      'rgb(0, 128, 0)',
    );
    // The token is nowhere in the page: not in an attribute, the DOM or storage.
    const leaked = await page.evaluate(
      (token) =>
        document.documentElement.outerHTML.includes(token) ||
        JSON.stringify({ ...localStorage }).includes(token) ||
        JSON.stringify({ ...sessionStorage }).includes(token) ||
        document.cookie.includes(token),
      server.demo.ada.token,
    );
    expect(leaked).toBe(false);
    // The classic script's global.
    const api = await page.evaluate(() => {
      const tally = (window as unknown as { Tally: Record<string, unknown> }).Tally;
      return Object.keys(tally)
        .filter((key) => typeof tally[key] === 'function')
        .sort();
    });
    expect(api).toEqual(
      expect.arrayContaining(['configure', 'mount', 'preflight', 'usageRecorded']),
    );
    await page.close();
  });

  test('allowed: the ES module build mounts with Tally.mount() too', async () => {
    const page = await open(allowed, '/module');
    await expect.poll(() => available(page).textContent(), PATIENT).toBe('4,570');
    expect(
      await page.evaluate(() => document.documentElement.hasAttribute('data-tally-embed')),
    ).toBe(true);
    await page.close();
  });

  test('not allowed: the browser refuses and the widget says "Cannot reach billing"', async () => {
    const page = await open(refused);
    const notice = widget(page).locator('[data-testid="embed-notice"]');
    await expect.poll(() => notice.getAttribute('data-notice'), PATIENT).toBe('unreachable');
    expect(await notice.textContent()).toContain('Cannot reach billing');
    expect(await notice.getByRole('button', { name: 'Retry' }).count()).toBe(1);
    expect(await available(page).count()).toBe(0);
    // The refusal is the browser's (CORS), not the server being down: it answers Node directly.
    const cors = await fetch(`${server.url}/v1/me`, {
      headers: { origin: refused.origin, authorization: `Bearer ${server.demo.ada.token}` },
    });
    expect(cors.status).toBe(200);
    expect(cors.headers.get('access-control-allow-origin')).toBeNull();
    await page.close();
  });
});
