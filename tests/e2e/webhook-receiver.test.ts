// The demo's webhook receiver page in a real Chromium against the real server: one click points
// the demo's webhooks at it, and what Tally then sends shows up, verified.
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { seriousViolations } from '../support/axe.ts';
import { chromiumPerFile } from '../support/chromium-per-file.ts';

const session = chromiumPerFile();
let page: Page;

beforeAll(async () => {
  page = await session.browser.newPage({ viewport: { width: 1100, height: 800 } });
});

test('the editor links to the receiver page, which is not receiving until told to', async () => {
  await page.goto(`${session.server.url}/editor`);
  await page.getByRole('link', { name: 'Webhooks' }).click();
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent())
    .toBe('Webhooks from Tally');
  await page
    .getByRole('status')
    .getByText(/^Not receiving yet/)
    .waitFor();
  await page.getByText('Nothing has arrived yet.').waitFor();
  // The button stands a step below the state it acts on, not touching its line.
  const state = await page.getByRole('status').boundingBox();
  const button = await page
    .getByRole('button', { name: "Send the demo's webhooks here" })
    .boundingBox();
  expect(button!.y - (state!.y + state!.height)).toBeGreaterThanOrEqual(8);
});

test('after one click, an overage in the demo account arrives as a verified charge.created', async () => {
  await page.getByRole('button', { name: "Send the demo's webhooks here" }).click();
  await page
    .getByRole('status')
    .getByText(/^Receiving/)
    .waitFor();
  expect(await page.getByRole('button', { name: "Send the demo's webhooks here" }).count()).toBe(0);

  // 1,115 Lifestyle Crops: 4,570 credits from Growth, 1.5 overage = $0.15.
  const used = await fetch(`${session.server.url}/v1/usage`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${session.server.demo.ada.token}`,
      'content-type': 'application/json',
      'idempotency-key': 'webhook-page-overage',
    },
    body: JSON.stringify({ operation: 'lifestyle-crop', quantity: 1115, overage: 'accept' }),
  });
  expect(used.status).toBe(201);

  const arrived = page.getByRole('listitem').filter({ hasText: 'charge.created' });
  await arrived.waitFor({ timeout: 15_000 });
  await expect.poll(() => arrived.textContent()).toContain('✓ Signature verified');
  expect(await arrived.textContent()).toContain('"amountUsd": "0.15"');
  const exhausted = page.getByRole('listitem').filter({ hasText: 'balance.exhausted' });
  await exhausted.getByText('✓ Signature verified').waitFor();
  expect(await page.getByText('Nothing has arrived yet.').isVisible()).toBe(false);
});

test('axe finds no serious violations on the receiver page', async () => {
  expect(await seriousViolations(page)).toEqual([]);
});
