import { expect, test } from 'vitest';
import { createApiClient } from '../../lib/api/client.ts';
import { formatDate } from '../../lib/billing/format.ts';
import { extensionPerFile } from '../support/extension-per-file.ts';

const session = extensionPerFile();

const form = () => session.popup.getByRole('form', { name: 'Connect to Tally' });

test('before connecting there is only the Connect form; a refusal clears when the input changes', async () => {
  await form().waitFor();
  expect(await session.popup.getByText('Editor pages and disconnect').count()).toBe(0);
  await form().getByLabel('API URL').fill(new URL(session.server.url).host);
  await form().getByLabel('Token').fill('not-a-token');
  await form().getByRole('button', { name: 'Connect', exact: true }).click();
  await form().getByRole('alert').waitFor({ timeout: 10_000 });
  await form().getByLabel('Token').fill(session.server.demo.ada.token);
  expect(await form().getByRole('alert').count()).toBe(0);
});

test('"127.0.0.1:<port>" without a scheme connects, and the form keeps that URL afterwards', async () => {
  await form().getByRole('button', { name: 'Connect', exact: true }).click();
  await session.popup.getByTestId('available').waitFor({ timeout: 10_000 });
  expect(await session.popup.getByText('Editor pages and disconnect').count()).toBe(1);
  await session.popup.getByRole('button', { name: 'Connection settings' }).click();
  expect(await form().getByLabel('API URL').inputValue()).toBe(session.server.url);
});

test('a large balance keeps "of … credits" and "resets …" each on one line', async () => {
  const ada = createApiClient({
    baseUrl: session.server.url,
    getToken: () => session.server.demo.ada.token,
  });
  await ada.changePlan({ planId: 'scale' });
  await expect
    .poll(() => session.popup.getByTestId('available').textContent(), { timeout: 10_000 })
    .toMatch(/^1\d,\d{3}/);
  for (const phrase of [/^of [\d,.]+ credits$/, /^resets /]) {
    const lines = await session.popup
      .getByRole('region', { name: 'Credit balance' })
      .getByText(phrase)
      .evaluate((element) => element.getClientRects().length);
    expect(lines).toBe(1);
  }
});

test('switching to Free says the credits stay until the term ends and 25 a month follow', async () => {
  const ada = createApiClient({
    baseUrl: session.server.url,
    getToken: () => session.server.demo.ada.token,
  });
  const { cycle, credits } = await ada.me();
  const change = session.popup.getByRole('region', { name: 'Change plan' });
  await change.getByRole('radio', { name: /^Free/ }).check();
  const facts = change.getByTestId('plan-change-preview');
  await facts.waitFor({ timeout: 10_000 });
  const ends = formatDate(cycle.end);
  expect(await facts.textContent()).toContain(`usable until ${ends}`);
  expect(await facts.textContent()).toContain(`From ${ends}25 credits a month on Free`);
  expect(await facts.textContent()).not.toContain('rolled over');
  expect(credits.available).not.toBe('0');
});
