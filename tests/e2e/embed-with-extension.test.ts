// The extension and the embed on one page, in a real Chromium with the built extension loaded
// (.output/chrome-mv3) against the real server: the embed answers, the extension's in-page
// widget stands down, and every preflight gets exactly one `tally:decision`.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApiClient } from '../../lib/api/client.ts';
import { formatCreditAmount, formatCredits } from '../../lib/billing/format.ts';
import { EXTENSION_MARKER } from '../../lib/page/stand-down.ts';
import { countProtocolEvents, protocolCounts, widget } from '../embed/shadow.ts';
import { type ExtensionBrowser, launchWithExtension } from '../support/browser.ts';
import { startServer, type TestServer } from '../support/server.ts';

// A loaded 2-core machine runs these: wait generously, fail only on what never happens.
const PATIENT = { timeout: 15_000 };
let server: TestServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchWithExtension()]);
  // Connect the extension too, so that it would answer if it did not stand down.
  const popup = await browser.openPopup();
  const form = popup.getByRole('form', { name: 'Connect to Tally' });
  await form.getByLabel('API URL').fill(server.url);
  await form.getByLabel('Token').fill(server.demo.ada.token);
  await form.getByRole('button', { name: 'Connect', exact: true }).click();
  await popup.getByText('Ada (admin)').first().waitFor({ timeout: 10_000 });
  await popup.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openEditor(mode: 'extension' | 'embed'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/editor?mode=${mode}`);
  return page;
}

const extensionChip = (page: Page) => page.locator('tally-widget').getByTestId('chip-label');

/**
 * Fires `count` preflights straight from the page and counts the decisions for each request id.
 * Once every request has one, a last preflight goes out: any second answer to the burst comes
 * before the answer to it, so its answer ends the count.
 */
function burstOfPreflights(page: Page, count: number) {
  return page.evaluate(
    (n) =>
      new Promise<number[]>((resolve) => {
        const decisions = new Map<string, number>();
        const ids = Array.from({ length: n }, (_, i) => `burst-${i}`);
        const ask = (id: string) => {
          const detail = JSON.stringify({ id, operation: 'smart-crop', quantity: 1 });
          document.dispatchEvent(new CustomEvent('tally:preflight', { detail }));
        };
        const listener = (event: Event) => {
          const { id } = JSON.parse((event as CustomEvent<string>).detail);
          decisions.set(id, (decisions.get(id) ?? 0) + 1);
          if (id === 'last') {
            document.removeEventListener('tally:decision', listener);
            resolve(ids.map((burst) => decisions.get(burst) ?? 0));
          } else if (!decisions.has('last') && ids.every((burst) => decisions.has(burst))) {
            decisions.set('last', 0);
            ask('last');
          }
        };
        document.addEventListener('tally:decision', listener);
        for (const id of ids) ask(id);
      }),
    count,
  );
}

/** Studio North's balance as the API tells it now: earlier tests may have spent some. */
async function balanceNow(): Promise<string> {
  const ada = createApiClient({ baseUrl: server.url, getToken: () => server.demo.ada.token });
  return (await ada.me()).credits.available;
}

describe('extension and embed on one page', () => {
  test('alone, the extension answers the demo editor (the control)', async () => {
    const page = await openEditor('extension');
    const credits = formatCredits(await balanceNow());
    await expect.poll(() => extensionChip(page).textContent(), PATIENT).toBe(credits);
    await countProtocolEvents(page);
    await page.locator('button[data-tally-operation="smart-crop"]').click();
    await expect.poll(() => page.locator('#op-status').textContent(), PATIENT).toContain('done');
    expect(await protocolCounts(page)).toEqual({ decisions: 1, received: ['extension'] });
    await page.close();
  });

  test('with the embed, only the embed answers: one decision per preflight', async () => {
    const page = await openEditor('embed');
    const embedded = widget(page).locator('[data-testid="available"]');
    const available = formatCreditAmount(await balanceNow());
    await expect.poll(() => embedded.textContent(), PATIENT).toBe(available);
    expect(
      await page.evaluate(() => document.documentElement.hasAttribute('data-tally-embed')),
    ).toBe(true);
    // The extension's content script did run here (it announced itself), and stood its
    // in-page widget down.
    await expect
      .poll(
        () =>
          page.evaluate(
            (marker) => document.documentElement.hasAttribute(marker),
            EXTENSION_MARKER,
          ),
        PATIENT,
      )
      .toBe(true);
    expect(await extensionChip(page).count()).toBe(0);

    await countProtocolEvents(page);
    await page.locator('button[data-tally-operation="smart-crop"]').click();
    await expect.poll(() => page.locator('#op-status').textContent(), PATIENT).toContain('done');
    await page.locator('button[data-tally-operation="background-removal"]').click();
    await expect
      .poll(() => page.locator('#op-status').textContent(), PATIENT)
      .toContain('Background Removal');
    await expect.poll(() => page.locator('#op-status').textContent(), PATIENT).toContain('done');
    expect(await protocolCounts(page)).toEqual({ decisions: 2, received: ['embed', 'embed'] });

    expect(await burstOfPreflights(page, 5)).toEqual([1, 1, 1, 1, 1]);
    await page.close();
  });

  test('with the embed, an uncovered operation opens one dialog, the embed’s', async () => {
    const page = await openEditor('embed');
    await expect
      .poll(() => widget(page).locator('[data-testid="available"]').count(), PATIENT)
      .toBe(1);
    await page.locator('#quantity').fill('5000');
    await countProtocolEvents(page);
    await page.locator('button[data-tally-operation="lifestyle-crop"]').click();
    const dialogs = page.getByRole('dialog');
    await expect.poll(() => dialogs.count(), PATIENT).toBe(1);
    expect(await widget(page).getByRole('dialog').count()).toBe(1);
    await dialogs.getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(() => page.locator('#op-status').textContent(), PATIENT)
      .toContain('cancelled');
    expect(await protocolCounts(page)).toEqual({ decisions: 1, received: ['embed'] });
    await page.close();
  });
});
