// The embed in a contrast theme (forced colours, as Windows' contrast themes set them), in a real
// Chromium, light and dark: the theme paints every background in its Canvas colour, so what
// Tally draws with backgrounds (the balance meter, the keys of its legend and of the usage
// chart's, the brand mark; the demo editor's chosen mode) must be drawn in the theme's colours or
// keep its own, and axe finds nothing serious.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApiClient } from '../../lib/api/index.ts';
import { widget } from '../embed/shadow.ts';
import { seriousViolations } from '../support/axe.ts';
import { chromiumPerFile, PATIENT } from '../support/chromium-per-file.ts';

const session = chromiumPerFile();

beforeAll(async () => {
  const ada = createApiClient({
    baseUrl: session.server.url,
    getToken: () => session.server.demo.ada.token,
  });
  // Some credits used (two operations in the chart) and some held: every part of the meter.
  await ada.recordUsage({ operation: 'smart-crop', quantity: 40 });
  await ada.recordUsage({ operation: 'background-removal', quantity: 25 });
  await ada.reserve({ operation: 'lifestyle-crop', quantity: 100 });
});

/** The computed background (colour and image) of `selector`'s element, or of its ::before. */
function background(page: Page, selector: string, pseudo: '::before' | null = null) {
  return widget(page)
    .locator(selector)
    .first()
    .evaluate((element, before) => {
      const style = getComputedStyle(element, before);
      return { color: style.backgroundColor, image: style.backgroundImage };
    }, pseudo);
}

describe.each(['light', 'dark'] as const)('forced colours, %s', (scheme) => {
  let page: Page;

  beforeAll(async () => {
    page = await session.browser.newPage({
      viewport: { width: 1280, height: 1600 },
      forcedColors: 'active',
      colorScheme: scheme,
    });
    await page.goto(`${session.server.url}/editor?mode=embed`);
    await widget(page)
      .getByRole('listbox', { name: /per day/ })
      .waitFor(PATIENT);
  });

  afterAll(() => page?.close());

  test('the meter shows available and held credits on its outlined track, keyed alike', async () => {
    const meter = widget(page).getByRole('img', {
      name: /^4,038 of 4,570 credits available, 410 held/,
    });
    await meter.waitFor(PATIENT);
    const track = await background(page, '.t-meter');
    const available = await background(page, '.t-meter__available');
    const held = await background(page, '.t-meter__held');
    expect(available.color).not.toBe(track.color);
    expect(held.image).toMatch(/gradient/);
    expect(await meter.evaluate((element) => getComputedStyle(element).borderTopStyle)).toBe(
      'solid',
    );
    // The legend's keys: the same colours, the used one an outlined box.
    const key = (name: string) => background(page, `.t-legend__${name}`, '::before');
    expect((await key('available')).color).toBe(available.color);
    expect((await key('held')).image).toBe(held.image);
    expect(
      await widget(page)
        .locator('.t-legend > span')
        .filter({ hasText: 'used' })
        .evaluate((element) => getComputedStyle(element, '::before').borderTopStyle),
    ).toBe('solid');
  });

  test('each operation in the usage chart’s legend keeps the colour of its bars', async () => {
    const legend = widget(page).locator('.t-usage__legend li');
    for (const name of ['Smart Crop', 'Background Removal']) {
      const swatch = legend.filter({ hasText: name }).locator('.t-usage__swatch');
      const colour = await swatch.evaluate((element) => {
        const kind = [...element.classList].find((c) => c.startsWith('t-usage__op--'));
        const bar = element.closest('.t-usage')?.querySelector(`svg .${kind}`);
        return {
          key: getComputedStyle(element).backgroundColor,
          bar: bar ? getComputedStyle(bar).fill : null,
        };
      });
      expect(colour.bar).not.toBeNull();
      expect(colour.key).toBe(colour.bar);
    }
  });

  test('the demo editor marks the Tally mode chosen', async () => {
    const chosen = page.getByRole('radio', { name: 'Embedded' });
    expect(await chosen.isChecked()).toBe(true);
    // Its label's background stands out from the control's own (the theme's Canvas).
    const [label, control] = await chosen.evaluate((radio) => [
      getComputedStyle(radio.nextElementSibling!).backgroundColor,
      getComputedStyle(radio.closest('.segmented')!).backgroundColor,
    ]);
    expect(label).not.toBe(control);
  });

  test('the brand mark stays, and axe finds nothing serious', async () => {
    expect((await background(page, '.t-embed-brand', '::before')).image).toMatch(/gradient/);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
