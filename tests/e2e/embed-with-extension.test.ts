// The extension and the embed on one page, in a real Chromium with the built extension loaded
// (.output/chrome-mv3) against the real server: the embed answers, the extension's in-page
// widget stands down, and every preflight gets exactly one `tally:decision`.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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
 * Fires `count` preflights straight from the page and counts the decisions for each request id:
 * waits until every request has one (or 10 s), then a while longer for any second answer.
 */
function burstOfPreflights(page: Page, count: number) {
  return page.evaluate(async (n) => {
    const decisions = new Map<string, number>();
    const listener = (event: Event) => {
      const { id } = JSON.parse((event as CustomEvent<string>).detail);
      decisions.set(id, (decisions.get(id) ?? 0) + 1);
    };
    document.addEventListener('tally:decision', listener);
    const ids = Array.from({ length: n }, (_, i) => `burst-${i}`);
    for (const id of ids) {
      const detail = JSON.stringify({ id, operation: 'smart-crop', quantity: 1 });
      document.dispatchEvent(new CustomEvent('tally:preflight', { detail }));
    }
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    for (let waited = 0; waited < 10_000 && decisions.size < n; waited += 50) await sleep(50);
    await sleep(1_000);
    document.removeEventListener('tally:decision', listener);
    return ids.map((id) => decisions.get(id) ?? 0);
  }, count);
}

describe('extension and embed on one page', () => {
  test('alone, the extension answers the demo editor (the control)', async () => {
    const page = await openEditor('extension');
    await expect.poll(() => extensionChip(page).textContent(), PATIENT).toBe('4,570 credits');
    await countProtocolEvents(page);
    await page.locator('button[data-tally-operation="smart-crop"]').click();
    await expect.poll(() => page.locator('#op-status').textContent(), PATIENT).toContain('done');
    expect(await protocolCounts(page)).toEqual({ decisions: 1, received: ['extension'] });
    await page.close();
  });

  test('with the embed, only the embed answers: one decision per preflight', async () => {
    const page = await openEditor('embed');
    const embedded = widget(page).locator('[data-testid="available"]');
    await expect.poll(() => embedded.textContent(), PATIENT).toBe('4,568.7');
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
