// The popup as a new user meets it, in a real Chromium with the built extension and the real
// server: connecting (with the URL typed as people type it), a large balance's header, and what
// a switch to the free plan says it does.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApiClient } from '../../lib/api/client.ts';
import { formatDate } from '../../lib/billing/format.ts';
import { type ExtensionBrowser, launchWithExtension } from '../support/browser.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let browser: ExtensionBrowser;
let popup: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchWithExtension();
  popup = await browser.openPopup();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const form = () => popup.getByRole('form', { name: 'Connect to Tally' });

test('before connecting there is only the Connect form; a refusal clears when the input changes', async () => {
  await form().waitFor();
  expect(await popup.getByText('Editor pages and disconnect').count()).toBe(0);
  await form().getByLabel('API URL').fill(new URL(server.url).host);
  await form().getByLabel('Token').fill('not-a-token');
  await form().getByRole('button', { name: 'Connect', exact: true }).click();
  await form().getByRole('alert').waitFor({ timeout: 10_000 });
  await form().getByLabel('Token').fill(server.demo.ada.token);
  expect(await form().getByRole('alert').count()).toBe(0);
});

test('"127.0.0.1:<port>" without a scheme connects, and the form keeps that URL afterwards', async () => {
  await form().getByRole('button', { name: 'Connect', exact: true }).click();
  await popup.getByTestId('available').waitFor({ timeout: 10_000 });
  expect(await popup.getByText('Editor pages and disconnect').count()).toBe(1);
  await popup.getByRole('button', { name: 'Connection settings' }).click();
  expect(await form().getByLabel('API URL').inputValue()).toBe(server.url);
});

test('a large balance keeps "of … credits" and "resets …" each on one line', async () => {
  const ada = createApiClient({ baseUrl: server.url, getToken: () => server.demo.ada.token });
  await ada.changePlan({ planId: 'scale' });
  await expect
    .poll(() => popup.getByTestId('available').textContent(), { timeout: 10_000 })
    .toMatch(/^1\d,\d{3}/);
  for (const phrase of [/^of [\d,.]+ credits$/, /^resets /]) {
    const lines = await popup
      .getByRole('region', { name: 'Credit balance' })
      .getByText(phrase)
      .evaluate((element) => element.getClientRects().length);
    expect(lines).toBe(1);
  }
});

test('switching to Free says the credits stay until the term ends and 25 a month follow', async () => {
  const ada = createApiClient({ baseUrl: server.url, getToken: () => server.demo.ada.token });
  const { cycle, credits } = await ada.me();
  const change = popup.getByRole('region', { name: 'Change plan' });
  await change.getByRole('radio', { name: /^Free/ }).check();
  const facts = change.getByTestId('plan-change-preview');
  await facts.waitFor({ timeout: 10_000 });
  const ends = formatDate(cycle.end);
  expect(await facts.textContent()).toContain(`usable until ${ends}`);
  expect(await facts.textContent()).toContain(`From ${ends}25 credits a month on Free`);
  expect(await facts.textContent()).not.toContain('rolled over');
  expect(credits.available).not.toBe('0');
});
