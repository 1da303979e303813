// The popup links to the privacy page (docs/privacy.md, shipped inside the extension),
// which opens in a tab and says what Tally keeps and sends.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from '../support/browser.ts';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
});

test('"Privacy" in the popup, before any connection, opens docs/privacy.md in a tab', async () => {
  const popup = await browser.openPopup();
  await popup.getByRole('form', { name: 'Connect to Tally' }).waitFor();
  const opened = browser.context.waitForEvent('page');
  await popup.getByRole('link', { name: /^Privacy/ }).click();
  const page = await opened;
  await page.waitForLoadState();
  const shown = (await page.locator('body').textContent()) ?? '';
  expect(shown).toContain('What it never does');
  expect(shown.trim()).toBe(readFileSync('docs/privacy.md', 'utf8').trim());
});
