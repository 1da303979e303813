// The popup's usage chart in a real Chromium over a usage history made on the dev clock: the
// days' accessible names, the table, keyboard focus with its readout, live refresh, whose usage
// it is, and axe in both schemes.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ApiClient } from '../../lib/api/client.ts';
import { connectInPopup, type ExtensionBrowser, launchWithExtension } from '../support/browser.ts';
import { wordsOffset } from '../support/button-place.ts';
import { startServer, type TestServer } from '../support/server.ts';
import {
  chartViolations,
  dayNames,
  HISTORY_DAY_NAMES,
  HISTORY_TABLE_ROWS,
  recordUsageHistory,
  TODAY_AFTER_TWO_LIFESTYLE_CROPS,
  tableRows,
} from '../support/usage-history.ts';

let server: TestServer;
let browser: ExtensionBrowser;
let popup: Page;
let ada: ApiClient;
let miloToken: string;

// The history of usage-history.ts: Studio West, Dec 1 to Dec 4 2026 (today).
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ devClock: true }), launchWithExtension()]);
  const history = await recordUsageHistory(server);
  ada = history.ada;
  miloToken = history.miloToken;
  popup = await browser.openPopup();
  await popup.setViewportSize({ width: 360, height: 900 });
  await connectInPopup(popup, server.url, history.adaToken);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const section = () => popup.getByRole('region', { name: 'Usage this term' });
const days = () => section().getByRole('listbox', { name: 'Studio West’s usage, credits per day' });

async function focusedName(): Promise<string | null> {
  return popup.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);
}

test('an admin sees the account’s usage: one option per day up to today, named with its numbers', async () => {
  await days().waitFor({ timeout: 10_000 });
  expect(await dayNames(days())).toEqual(HISTORY_DAY_NAMES);
  expect(await section().textContent()).toContain('139.8 credits so far');
  // 4,570 ÷ 31 days = 147.419… a day.
  expect(await section().getByRole('listitem').allTextContents()).toContain(
    'Allotment: 147.4 a day (4,570 ÷ 31 days)',
  );
});

test('Tab reaches today; the arrows, Home and End move between days, each showing its numbers', async () => {
  await popup.locator('body').focus();
  for (let tabs = 0; tabs < 60 && (await focusedName())?.startsWith('Dec') !== true; tabs++) {
    await popup.keyboard.press('Tab');
  }
  expect(await focusedName()).toMatch(/^Dec 4, today: 6.7 credits/);
  const readout = section().getByRole('tooltip');
  expect(await readout.textContent()).toContain('Dec 4, today · 6.7 credits');

  await popup.keyboard.press('ArrowLeft');
  expect(await focusedName()).toMatch(/^Dec 3: 47.5 credits/);
  expect(await readout.textContent()).toMatch(
    /Dec 3 · 47.5 credits10 Lifestyle Crops41 credits5 Smart Crops6.5 credits$/,
  );
  expect(await days().getByRole('option', { selected: true }).count()).toBe(1);
  await popup.keyboard.press('Home');
  expect(await focusedName()).toMatch(/^Dec 1: 85.6 credits/);
  await popup.keyboard.press('End');
  expect(await focusedName()).toMatch(/^Dec 4, today/);
  // One Tab stop: the day that had the focus last.
  expect(await days().locator('[tabindex="0"]').count()).toBe(1);
  await popup.keyboard.press('Tab');
  expect((await focusedName()) ?? 'not a day').not.toMatch(/^Dec/);
  expect(await readout.count()).toBe(0);
});

test('hovering a day shows its numbers', async () => {
  await days()
    .getByRole('option', { name: /^Dec 1:/ })
    .hover();
  const readout = section().getByRole('tooltip');
  expect(await readout.textContent()).toMatch(
    /Dec 1 · 85.6 credits12 Background Removals33.6 credits40 Smart Crops52 credits$/,
  );
});

test('"Show as table" shows the same numbers as a table with headers and the term’s totals', async () => {
  const toggle = section().getByRole('button', { name: 'Show as table' });
  // Its words on the section's text edge, under the heading's.
  expect(
    await wordsOffset(toggle, section().getByRole('heading', { name: 'Usage this term' })),
  ).toBe(0);
  await toggle.click();
  const table = section().getByRole('table');
  expect(await tableRows(table)).toEqual(HISTORY_TABLE_ROWS);
  expect(await table.getByRole('columnheader').count()).toBe(5);
  expect(await table.getByRole('rowheader').count()).toBe(5);
  await section().getByRole('button', { name: 'Show as chart' }).click();
  await days().waitFor();
});

test('usage recorded while the popup is open shows on today’s bar', async () => {
  await ada.recordUsage({ operation: 'lifestyle-crop', quantity: 2 });
  await days()
    .getByRole('option', { name: TODAY_AFTER_TWO_LIFESTYLE_CROPS })
    .waitFor({ timeout: 10_000 });
  expect(await section().textContent()).toContain('148 credits so far');
});

describe.each(['light', 'dark'] as const)('%s', (scheme) => {
  test('axe finds no serious violations in the chart, its readout and its table', async () => {
    await popup.emulateMedia({ colorScheme: scheme });
    expect(await chartViolations(popup, section())).toEqual([]);
  });
});

test('a member sees only its own usage, titled "Your usage"', async () => {
  await connectInPopup(popup, server.url, miloToken);
  const own = section().getByRole('listbox', { name: 'Your usage, credits per day' });
  await own.waitFor({ timeout: 10_000 });
  expect(await dayNames(own)).toEqual([
    'Dec 1: 0 credits',
    'Dec 2: 0 credits',
    'Dec 3: 6.5 credits (5 Smart Crops, 6.5 credits)',
    'Dec 4, today: 2.8 credits (1 Background Removal, 2.8 credits)',
  ]);
  expect(await section().textContent()).toContain('9.3 credits so far');
});
