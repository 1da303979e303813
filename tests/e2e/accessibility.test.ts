import { beforeAll, describe, expect, test } from 'vitest';
import { createApiClient } from '../../lib/api/client.ts';
import { seriousViolations } from '../support/axe.ts';
import { chooseInConsent, connectInPopup, consentFrame } from '../support/browser.ts';
import { extensionPerFile } from '../support/extension-per-file.ts';

const session = extensionPerFile();

beforeAll(async () => {
  await connectInPopup(session.popup, session.server.url, session.server.demo.ada.token);
  // Growth's 4,570 credits down to 0.4: an operation then asks (overage or upgrade).
  const ada = createApiClient({
    baseUrl: session.server.url,
    getToken: () => session.server.demo.ada.token,
  });
  await ada.recordUsage({ operation: 'lifestyle-crop', quantity: 1114 });
});

describe.each(['light', 'dark'] as const)('%s', (scheme) => {
  test('the popup', async () => {
    await session.popup.emulateMedia({ colorScheme: scheme });
    await session.popup.reload();
    await session.popup.getByTestId('available').waitFor();
    expect(await seriousViolations(session.popup)).toEqual([]);
  });

  test('the in-page widget with its panel open, and the consent dialog', async () => {
    const editor = await session.browser.context.newPage();
    await editor.emulateMedia({ colorScheme: scheme });
    await editor.goto(`${session.server.url}/editor?mode=extension`);
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
      const editor = await session.browser.context.newPage();
      await editor.emulateMedia({ colorScheme: scheme });
      await editor.goto(`${session.server.url}/editor?mode=embed`);
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

test('the popup in a contrast theme (forced colours): its meter drawn in the theme’s colours', async () => {
  const popup = session.popup;
  await popup.emulateMedia({ colorScheme: 'dark', forcedColors: 'active' });
  try {
    await popup.reload();
    const meter = popup.getByRole('img', { name: /credits available/ });
    await meter.waitFor();
    const [track, available] = await meter.evaluate((element) => [
      getComputedStyle(element).backgroundColor,
      getComputedStyle(element.querySelector('.t-meter__available')!).backgroundColor,
    ]);
    expect(available).not.toBe(track);
    // Without color-contrast: Chromium paints a forced theme's text colour but reports the
    // page's own in -webkit-text-fill-color, which axe reads. It would measure the primary
    // button's dark "Save overage policy" against the theme's black Canvas, where a screenshot
    // shows white on black.
    expect(await seriousViolations(popup, { without: ['color-contrast'] })).toEqual([]);
  } finally {
    await popup.emulateMedia({ colorScheme: null, forcedColors: null });
  }
});

test('the in-page widget in a small window: its panel inside it, scrolling what does not fit', async () => {
  const editor = await session.browser.context.newPage();
  try {
    await editor.setViewportSize({ width: 340, height: 330 });
    await editor.goto(`${session.server.url}/editor?mode=extension`);
    const tally = editor.locator('tally-widget');
    await tally
      .getByTestId('chip-label')
      .filter({ hasText: /credits/ })
      .waitFor();
    await tally.getByRole('button', { expanded: false }).click();
    // 330 px leave too little room above the chip for the whole panel: it scrolls, a named
    // region one can Tab to.
    const panel = tally.getByRole('region', { name: 'Credits in detail' });
    await panel.waitFor();
    const box = () =>
      panel.evaluate((element) => {
        const { left, right, top, bottom } = element.getBoundingClientRect();
        return { left, right, top, bottom };
      });
    const inside = async () => {
      const { left, right, top } = await box();
      return left >= 8 && right <= 340 - 8 && top >= 8;
    };
    expect(await inside()).toBe(true);
    expect(await panel.getAttribute('tabindex')).toBe('0');
    // Its last line shows once scrolled to, inside the panel's box.
    const synced = tally.getByText(/^synced/);
    const lineInside = async () => {
      const line = await synced.boundingBox();
      const { top, bottom } = await box();
      return line !== null && line.y >= top && line.y + line.height <= bottom;
    };
    expect(await lineInside()).toBe(false);
    await panel.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await expect.poll(lineInside).toBe(true);
    expect(await seriousViolations(editor)).toEqual([]);
    // Moved up and to the left with the arrow keys, it stays inside the window.
    const handle = tally.getByRole('button', { name: 'Move Tally (arrow keys)' });
    for (const key of ['ArrowUp', 'ArrowUp', 'ArrowLeft', 'ArrowLeft']) await handle.press(key);
    await expect.poll(inside).toBe(true);
  } finally {
    await editor.close();
  }
});
