// The store listing's screenshots, taken from the product itself on every e2e run so they never
// drift from it: the popup over the editor, the in-page chip with a cost preview, and the
// upgrade-or-pay-overage dialog, each 1280×800 (the Chrome Web Store's size), written to
// .output/store-screenshots (TALLY_SCREENSHOTS to choose another folder).
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApiClient } from '../../lib/api/client.ts';
import { connectInPopup, type ExtensionBrowser, launchWithExtension } from '../support/browser.ts';
import { startServer, type TestServer } from '../support/server.ts';

const SIZE = { width: 1280, height: 800 };
/** A browser action's popup: our popup's width, and the most height a browser gives one. */
const POPUP_SIZE = { width: 360, height: 600 };
const PATIENT = { timeout: 15_000 };
const folder = resolve(process.env.TALLY_SCREENSHOTS ?? '.output/store-screenshots');
let server: TestServer;
let browser: ExtensionBrowser;
let editor: Page;

beforeAll(async () => {
  mkdirSync(folder, { recursive: true });
  server = await startServer();
  browser = await launchWithExtension({ viewport: SIZE });
  const popup = await browser.openPopup();
  await connectInPopup(popup, server.url, server.demo.ada.token);
  await popup.close();
  editor = await browser.context.newPage();
  await editor.goto(`${server.url}/editor`);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Writes the page as `name`.png and returns the PNG's size, read from its IHDR header. */
async function shoot(page: Page, name: string): Promise<{ width: number; height: number }> {
  const path = join(folder, `${name}.png`);
  await page.screenshot({ path });
  const png = readFileSync(path);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * The popup as the browser shows it, over the page it was opened on: at most 600 px tall (a
 * browser's popups are no taller), near the top right, with a bubble's shadow. The popup alone
 * would leave most of a 1280×800 listing image blank.
 */
function popupOverPage(page: Buffer, popup: Buffer): string {
  const src = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
  return `<!doctype html><html><body style="margin:0;overflow:hidden">
    <img alt="" src="${src(page)}" style="position:absolute;inset:0;filter:brightness(0.94)">
    <img alt="" src="${src(popup)}" style="position:absolute;top:12px;right:24px;border-radius:8px;box-shadow:0 10px 32px rgb(0 0 0 / 0.3),0 0 0 1px rgb(0 0 0 / 0.1)">
  </body></html>`;
}

test('popup.png: the popup over the editor, with the balance, what each operation costs and the plan', async () => {
  const popup = await browser.openPopup();
  await popup.setViewportSize(POPUP_SIZE);
  await popup.getByText('4,570').first().waitFor(PATIENT);
  const popupShot = await popup.screenshot();
  await popup.close();
  await expect
    .poll(() => editor.getByTestId('chip-label').textContent(), PATIENT)
    .toContain('4,570');
  const canvas = await browser.context.newPage();
  await canvas.setContent(popupOverPage(await editor.screenshot(), popupShot));
  expect(await shoot(canvas, 'popup')).toEqual(SIZE);
  await canvas.close();
});

test('chip-preview.png: the editor with the chip and the cost preview of a hovered operation', async () => {
  await expect
    .poll(() => editor.getByTestId('chip-label').textContent(), PATIENT)
    .toContain('4,570');
  await editor.locator('button[data-tally-operation="smart-crop"]').hover();
  await expect
    .poll(() => editor.getByRole('tooltip').textContent(), PATIENT)
    .toContain('1.3 credits');
  expect(await shoot(editor, 'chip-preview')).toEqual(SIZE);
});

test('dialog.png: the upgrade-or-pay-overage dialog, once an operation does not fit', async () => {
  // Spend Growth's 4,570 credits down to exactly 0: 1,114 × 4.1 + 2 × 1.3.
  const ada = createApiClient({ baseUrl: server.url, getToken: () => server.demo.ada.token });
  await ada.recordUsage({ operation: 'lifestyle-crop', quantity: 1114 });
  await ada.recordUsage({ operation: 'smart-crop', quantity: 2 });
  await expect
    .poll(() => editor.getByTestId('chip-label').textContent(), PATIENT)
    .toBe('No credits left');
  // The demo's own Account panel polls its backend: the shot waits until it agrees with the chip.
  await expect
    .poll(() => editor.locator('[data-field="available"]').first().textContent(), PATIENT)
    .toBe('0');
  await editor.mouse.move(0, 0);
  await editor.locator('button[data-tally-operation="lifestyle-crop"]').click();
  // The dialog may be drawn in the page's shadow root or in a frame of the extension's own.
  const dialogShown = async () => {
    for (const frame of editor.frames()) {
      if (await frame.getByRole('dialog').first().isVisible()) return true;
    }
    return false;
  };
  await expect.poll(dialogShown, PATIENT).toBe(true);
  expect(await shoot(editor, 'dialog')).toEqual(SIZE);
});
