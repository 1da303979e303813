// Reading the embed's shadow root from end-to-end tests: Playwright's CSS locators pierce open
// shadow roots, so `widget(page).locator(…)` finds what the widget drew.
import type { Locator, Page } from 'playwright-core';

/** The first Tally widget on the page (the custom element, or a Tally.mount host). */
export function widget(page: Page): Locator {
  return page.locator('tally-credits, tally-root').first();
}

/** The big "available" figure of the widget's balance panel. */
export function available(page: Page): Locator {
  return widget(page).locator('[data-testid="available"]');
}

/** Counts `tally:decision` and `tally:preflight-received` events on the page, from now on. */
export async function countProtocolEvents(page: Page): Promise<void> {
  await page.evaluate(() => {
    const counts = { decisions: 0, received: [] as string[] };
    (window as unknown as { tallyCounts: typeof counts }).tallyCounts = counts;
    document.addEventListener('tally:decision', () => {
      counts.decisions += 1;
    });
    document.addEventListener('tally:preflight-received', (event) => {
      counts.received.push(JSON.parse((event as CustomEvent<string>).detail).kind);
    });
  });
}

export function protocolCounts(page: Page): Promise<{ decisions: number; received: string[] }> {
  return page.evaluate(
    () =>
      (window as unknown as { tallyCounts: { decisions: number; received: string[] } }).tallyCounts,
  );
}
