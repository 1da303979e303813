// The embed on a 320 px wide screen (WCAG's reflow width), in a real Chromium: the compact chip's
// panel opens inside the screen even where the chip sits near its left edge, and the expanded
// panel keeps to the slot the page gives it; axe finds nothing serious.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { widget } from '../embed/shadow.ts';
import { seriousViolations } from '../support/axe.ts';
import { chromiumPerFile, PATIENT } from '../support/chromium-per-file.ts';

const session = chromiumPerFile();
const SCREEN = { width: 320, height: 640 };

/** The left and right edges of what `selector` finds in the widget. */
function edges(page: Page, selector: string) {
  return widget(page)
    .locator(selector)
    .first()
    .evaluate((element) => {
      const { left, right } = element.getBoundingClientRect();
      return { left, right };
    });
}

test('the compact chip’s panel opens inside a 320 px screen, its balance in full view', async () => {
  const page = await session.browser.newPage({ viewport: SCREEN });
  try {
    await page.goto(`${session.server.url}/editor?mode=embed`);
    const tally = widget(page);
    await tally.evaluate((element) => element.setAttribute('layout', 'compact'));
    const chip = tally.getByRole('button', { name: /credits/ });
    await chip.waitFor(PATIENT);
    await chip.click();
    const balance = tally.getByRole('region', { name: 'Credit balance' });
    await balance.waitFor(PATIENT);
    // 8 px from the screen's edges, the balance figure within it.
    const panel = await edges(page, '.t-panel');
    expect(panel.left).toBeGreaterThanOrEqual(8);
    expect(panel.right).toBeLessThanOrEqual(SCREEN.width - 8);
    const figure = await tally.getByTestId('available').boundingBox();
    expect(figure!.x).toBeGreaterThanOrEqual(panel.left);
    expect(figure!.x + figure!.width).toBeLessThanOrEqual(panel.right);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(SCREEN.width);
    expect(await seriousViolations(page)).toEqual([]);
  } finally {
    await page.close();
  }
});

test('the expanded panel keeps to its slot on a 320 px screen', async () => {
  const page = await session.browser.newPage({ viewport: SCREEN });
  try {
    await page.goto(`${session.server.url}/editor?mode=embed`);
    await widget(page).getByRole('region', { name: 'Credit balance' }).waitFor(PATIENT);
    const slot = await widget(page).evaluate((host) => {
      const { left, right } = host.getBoundingClientRect();
      return { left, right };
    });
    const panel = await edges(page, '.t-embed-panel');
    expect(panel.left).toBeGreaterThanOrEqual(slot.left);
    expect(panel.right).toBeLessThanOrEqual(slot.right);
    expect(await seriousViolations(page)).toEqual([]);
  } finally {
    await page.close();
  }
});
