// axe-core over every surface Tally draws, in light and dark: the popup, the in-page widget with
// its panel open, the extension's consent dialog, and the embed in both layouts with its dialog
// open. Zero serious or critical violations.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApiClient } from '../../lib/api/client.ts';
import { seriousViolations } from '../support/axe.ts';
import {
  chooseInConsent,
  connectInPopup,
  consentFrame,
  type ExtensionBrowser,
  launchWithExtension,
} from '../support/browser.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let browser: ExtensionBrowser;
let popup: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchWithExtension();
  popup = await browser.openPopup();
  await connectInPopup(popup, server.url, server.demo.ada.token);
  // Growth's 4,570 credits down to 0.4: an operation then asks (overage or upgrade).
  const ada = createApiClient({ baseUrl: server.url, getToken: () => server.demo.ada.token });
  await ada.recordUsage({ operation: 'lifestyle-crop', quantity: 1114 });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.each(['light', 'dark'] as const)('%s', (scheme) => {
  test('the popup', async () => {
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.reload();
    await popup.getByTestId('available').waitFor();
    expect(await seriousViolations(popup)).toEqual([]);
  });

  test('the in-page widget with its panel open, and the consent dialog', async () => {
    const editor = await browser.context.newPage();
    await editor.emulateMedia({ colorScheme: scheme });
    await editor.goto(`${server.url}/editor?mode=extension`);
    await editor
      .getByTestId('chip-label')
      .filter({ hasText: /credits/ })
      .waitFor();
    await editor.locator('tally-widget').getByRole('button', { expanded: false }).click();
    await editor.locator('tally-widget').locator('.t-panel').waitFor();
    expect(await seriousViolations(editor)).toEqual([]);
    // 0.4 credits left: the preview of a Lifestyle Crop (4.1) shows the overage warning.
    await editor.locator('button[data-tally-operation="lifestyle-crop"]').hover();
    await editor.getByRole('tooltip').waitFor();
    expect(await seriousViolations(editor)).toEqual([]);

    await editor.locator('button[data-tally-operation="lifestyle-crop"]').click();
    const frame = await consentFrame(editor);
    await frame.getByRole('button', { name: /^Upgrade to Scale · / }).waitFor();
    expect(await seriousViolations(frame)).toEqual([]);
    await chooseInConsent(editor, 'Cancel');
    await editor.close();
  });

  test.each(['expanded', 'compact'] as const)(
    'the embed, %s, with its dialog open',
    async (layout) => {
      const editor = await browser.context.newPage();
      await editor.emulateMedia({ colorScheme: scheme });
      await editor.goto(`${server.url}/editor?mode=embed`);
      const widget = editor.locator('tally-credits');
      await widget.evaluate((element, chosen) => element.setAttribute('layout', chosen), layout);
      await widget
        .getByRole('button', { name: /credits/ })
        .or(widget.getByTestId('available'))
        .first()
        .waitFor();
      expect(await seriousViolations(editor)).toEqual([]);
      await editor.locator('button[data-tally-operation="lifestyle-crop"]').click();
      await widget.getByRole('button', { name: /^Upgrade to Scale · / }).waitFor();
      expect(await seriousViolations(editor)).toEqual([]);
      await widget.getByRole('button', { name: 'Cancel' }).click();
      await editor.close();
    },
  );
});
