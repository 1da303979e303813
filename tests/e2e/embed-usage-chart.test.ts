// The embed's expanded layout shows "Usage this term", in a real Chromium on a vendor's page of
// its own origin, over the usage history of usage-history.ts (Studio West, Dec 1 to Dec 4 2026):
// the days' accessible names and the table, usage recorded elsewhere showing while it is open,
// its chunk coming with the expanded layout (and a chunk that cannot come), and axe in both
// schemes in a narrow sidebar.
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ApiClient } from '../../lib/api/client.ts';
import { type HostPage, startHostPage } from '../embed/host-page.ts';
import { widget } from '../embed/shadow.ts';
import { CHROMIUM_ARGS } from '../support/browser.ts';
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

// A loaded 2-core machine runs these: wait generously, fail only on what never happens.
const PATIENT = { timeout: 15_000 };
const USAGE_CHART = /\/embed\/tally-usage-chart-chunk\.[^/]+\.mjs$/;
let server: TestServer;
let browser: Browser;
let host: HostPage;
let page: Page;
let ada: ApiClient;
const requested: string[] = [];

beforeAll(async () => {
  [host, browser] = await Promise.all([
    startHostPage(),
    chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS }),
  ]);
  server = await startServer({ devClock: true, env: { TALLY_CORS_ORIGINS: host.origin } });
  const history = await recordUsageHistory(server);
  ada = history.ada;
  host.serve({
    billingUrl: server.url,
    token: history.adaToken,
    layout: 'expanded',
    theme: 'auto',
  });
  // The expanded layout as a narrow sidebar.
  page = await browser.newPage({ viewport: { width: 340, height: 1400 } });
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(`${host.origin}/module`);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([server?.stop(), host?.close()]);
});

const section = () => widget(page).getByRole('region', { name: 'Usage this term' });
const days = () => section().getByRole('listbox', { name: 'Studio West’s usage, credits per day' });

test('the expanded layout shows the account’s usage: one option per day up to today, named with its numbers', async () => {
  await days().waitFor(PATIENT);
  expect(await dayNames(days())).toEqual(HISTORY_DAY_NAMES);
  expect(await section().textContent()).toContain('139.8 credits so far');
  expect(requested.filter((url) => USAGE_CHART.test(url))).toHaveLength(1);
});

test('"Show as table" shows the same numbers, and the term’s totals', async () => {
  await section().getByRole('button', { name: 'Show as table' }).click();
  expect(await tableRows(section().getByRole('table'))).toEqual(HISTORY_TABLE_ROWS);
  await section().getByRole('button', { name: 'Show as chart' }).click();
  await days().waitFor();
});

test('usage recorded elsewhere while the widget is open shows on today’s bar', async () => {
  await ada.recordUsage({ operation: 'lifestyle-crop', quantity: 2 });
  await days().getByRole('option', { name: TODAY_AFTER_TWO_LIFESTYLE_CROPS }).waitFor(PATIENT);
  expect(await section().textContent()).toContain('148 credits so far');
});

test('the chart fits a 300 px sidebar: no part of it reaches past the panel', async () => {
  await page.evaluate(() => {
    const slot = document.getElementById('slot');
    if (slot) slot.style.width = '300px';
  });
  const overflow = await widget(page)
    .locator('.t-embed-panel')
    .evaluate((panel) => panel.scrollWidth - panel.clientWidth);
  expect(overflow).toBe(0);
});

test('a usage chart that cannot be loaded says so in its section; the rest of the panel stays', async () => {
  const cut = await browser.newPage({ viewport: { width: 340, height: 1400 } });
  await cut.route(USAGE_CHART, (route) => route.abort());
  await cut.goto(`${host.origin}/module`);
  const usage = widget(cut).getByRole('region', { name: 'Usage this term' });
  await expect
    .poll(() => usage.getByRole('alert').textContent(), PATIENT)
    .toBe('The usage chart could not be loaded. Reload the page to try again.');
  expect(await widget(cut).getByRole('region', { name: 'Plan', exact: true }).count()).toBe(1);
  await cut.close();
});

describe.each(['light', 'dark'] as const)('%s', (scheme) => {
  test('axe finds no serious violations in the chart, its readout and its table', async () => {
    // The host page gives the widget its own accent, chosen for its light page only: axe is to
    // judge Tally's colours.
    await page.addStyleTag({ content: '#slot { --tally-accent: initial; }' });
    await page.emulateMedia({ colorScheme: scheme });
    expect(await chartViolations(page, section())).toEqual([]);
  });
});
