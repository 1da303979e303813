// The upgrade-or-pay-overage dialog of the extension in a real Chromium, against the real
// server and its demo editor: pay the overage (BILLING.md: 0 available, Lifestyle Crop 4.1 →
// $0.41), upgrade as an admin in one click (the consent frame is Tally's own page), and a
// member's ask-your-admin.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApiClient } from '../../lib/api/client.ts';
import { formatCredits, formatDay, formatUsd } from '../../lib/billing/format.ts';
import {
  chooseInConsent,
  connectInPopup,
  consentFrame,
  consentFrames,
  type ExtensionBrowser,
  launchWithExtension,
} from '../support/browser.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let browser: ExtensionBrowser;
let popup: Page;
let editor: Page;

const api = (token: string) => createApiClient({ baseUrl: server.url, getToken: () => token });
const chipLabel = () => editor.getByTestId('chip-label');
const dialog = async () => (await consentFrame(editor)).getByRole('dialog');
const choose = (name: string) => chooseInConsent(editor, name);
const operation = (id: string) => editor.locator(`button[data-tally-operation="${id}"]`);

beforeAll(async () => {
  server = await startServer();
  browser = await launchWithExtension();
  popup = await browser.openPopup();
  await connectInPopup(popup, server.url, server.demo.ada.token);
  // Spend Growth's 4,570 credits down to exactly 0: 1,114 × 4.1 + 2 × 1.3.
  const ada = api(server.demo.ada.token);
  await ada.recordUsage({ operation: 'lifestyle-crop', quantity: 1114 });
  await ada.recordUsage({ operation: 'smart-crop', quantity: 2 });
  editor = await browser.context.newPage();
  await editor.goto(`${server.url}/editor`);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('at 0 credits, Lifestyle Crop opens the dialog; "Pay $0.41" records it with the charge', async () => {
  await expect.poll(() => chipLabel().textContent(), { timeout: 10_000 }).toBe('No credits left');
  await operation('lifestyle-crop').click();
  await expect.poll(async () => (await dialog()).textContent()).toContain('4.1 credits');
  await choose('Pay $0.41 overage and continue');

  const ada = api(server.demo.ada.token);
  await expect
    .poll(async () => (await ada.charges({ limit: 1 })).charges[0], { timeout: 10_000 })
    .toMatchObject({ kind: 'overage', amountUsd: '0.41' });
  const [usage] = (await ada.ledger({ limit: 1 })).entries;
  expect(usage).toMatchObject({
    kind: 'usage',
    operation: 'lifestyle-crop',
    overageCredits: '4.1',
  });
  await expect.poll(() => consentFrames(editor)).toBe(0);
  await expect
    .poll(() => editor.locator('tally-widget').getByTestId('receipt').textContent())
    .toBe('Studio North paid $0.41 overage: 4.1 credits for Lifestyle Crop');
});

test('"Upgrade to Scale · $500.00 today" (admin) changes the plan in one click and the operation proceeds', async () => {
  await operation('lifestyle-crop').click();
  await choose('Upgrade to Scale · $500.00 today');

  const ada = api(server.demo.ada.token);
  await expect.poll(async () => (await ada.me()).plan.id, { timeout: 10_000 }).toBe('scale');
  // The preflight that waited behind the dialog went on: a usage on Scale's rate (3.8).
  await expect
    .poll(async () => (await ada.ledger({ limit: 1 })).entries[0], { timeout: 10_000 })
    .toMatchObject({ kind: 'usage', operation: 'lifestyle-crop', credits: '-3.8' });
  // 0 rolled over + 10,000 − 3.8
  await expect.poll(() => chipLabel().textContent(), { timeout: 10_000 }).toBe('9,996.2 credits');
  const { cycle } = await ada.me();
  expect(await editor.locator('tally-widget').getByTestId('receipt').textContent()).toBe(
    `Studio North is on Scale: $500.00 charged, 10,000 credits, renews ${formatDay(cycle.end)} at $500.00/month`,
  );
});

test('a member sees whom to ask instead of the upgrade button', async () => {
  await connectInPopup(popup, server.url, server.demo.milo.token);
  const milo = api(server.demo.milo.token);
  await milo.recordUsage({ operation: 'lifestyle-crop', quantity: 2630 }); // 9,994 → 2.2 left
  await editor.locator('#acting-as').selectOption('milo');
  await expect.poll(() => chipLabel().textContent(), { timeout: 10_000 }).toBe('2.2 credits');

  await operation('lifestyle-crop').click();
  await expect
    .poll(async () => (await dialog()).getByTestId('ask-admin').textContent())
    .toContain('ask Ada (admin) to upgrade');
  expect(await (await dialog()).getByRole('button', { name: /^Upgrade to/ }).count()).toBe(0);
  await choose('Cancel');
  await expect.poll(() => consentFrames(editor)).toBe(0);
  // Cancelled: nothing recorded.
  expect((await milo.me()).credits.available).toBe('2.2');
});

test('an admin sets "Automatic" with a cap in the popup; overage then goes on without asking', async () => {
  await connectInPopup(popup, server.url, server.demo.ada.token);
  const section = popup.getByRole('region', { name: 'Overage' });
  await section.getByRole('radio', { name: /^Automatic/ }).check();
  await section.getByLabel(/Monthly cap/).fill('5');
  await section.getByRole('button', { name: 'Save overage policy' }).click();
  await expect
    .poll(() => section.getByRole('status').textContent(), { timeout: 10_000 })
    .toBe('Saved: Automatic, up to $5.00 a month.');
  const ada = api(server.demo.ada.token);
  expect((await ada.me()).overage).toMatchObject({ policy: 'auto', capUsd: '5.00' });

  // 2.2 credits left on Scale; Lifestyle Crop is 3.8 → 1.6 credits of overage, $0.16.
  await expect.poll(() => chipLabel().textContent(), { timeout: 10_000 }).toBe('2.2 credits');
  await operation('lifestyle-crop').click();
  await expect
    .poll(async () => (await ada.ledger({ limit: 1 })).entries[0], { timeout: 10_000 })
    .toMatchObject({ kind: 'usage', operation: 'lifestyle-crop', overageCredits: '1.6' });
  expect(consentFrames(editor)).toBe(0);
  const { overage } = await ada.me();
  await expect
    .poll(() => section.getByTestId('overage-policy').textContent(), { timeout: 10_000 })
    .toContain(`${formatCredits(overage.creditsThisCycle)} · ${formatUsd(overage.usdThisCycle)}`);
});
