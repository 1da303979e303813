import { expect, test } from 'vitest';
import { createApiClient } from '../../lib/api/client.ts';
import { parseUsd, toUsdString } from '../../lib/billing/decimal.ts';
import { formatDate } from '../../lib/billing/format.ts';
import { seriousViolations } from '../support/axe.ts';
import { english } from '../support/english.ts';
import { extensionPerFile } from '../support/extension-per-file.ts';
import { spendDown } from '../support/spend-down.ts';

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

test('on the top plan with the cap reached, the popup names no upgrade: the renewal and the cap instead', async () => {
  const ada = createApiClient({
    baseUrl: session.server.url,
    getToken: () => session.server.demo.ada.token,
  });
  if ((await ada.me()).plan.id !== 'scale') await ada.changePlan({ planId: 'scale' });
  // Down to less than one Smart Crop, one more paid as overage, then a cap the term's overage
  // has reached.
  await spendDown(ada, 'smart-crop');
  await ada.recordUsage({ operation: 'smart-crop', quantity: 1, overage: 'accept' });
  const { overage } = await ada.me();
  const { cycle } = await ada.setOveragePolicy({ policy: 'ask', capUsd: overage.usdThisCycle });
  await expect
    .poll(() => session.popup.getByTestId('available').textContent(), { timeout: 10_000 })
    .toBe('0');
  const day = english.formats.day(cycle.end);
  const balance = session.popup.getByRole('region', { name: 'Credit balance' });
  await balance
    .getByText(
      `No credits left and this month’s overage cap is reached: operations need a higher cap or wait for the renewal on ${day}.`,
    )
    .waitFor({ timeout: 10_000 });

  const planner = session.popup.getByRole('region', { name: 'Basket planner' });
  await planner.getByRole('textbox', { name: 'Smart Crops' }).fill('10');
  await planner
    .getByText('10 Smart Crops · 12 credits · 12 over · overage cap reached', { exact: true })
    .waitFor({ timeout: 10_000 });
  expect(await planner.getByTestId('basket-total').textContent()).toBe('12 credits short');
  expect(await planner.getByTestId('basket-way-on').textContent()).toBe(
    `There is no upgrade for this. The credits renew on ${day}. You can also raise the monthly cap.`,
  );
  expect(
    await session.popup.getByText(/upgrade to go on|needs (overage or )?an upgrade/).count(),
  ).toBe(0);
  expect(await seriousViolations(session.popup)).toEqual([]);
});

test('a running operation’s consented overage shows as held and fills the cap until it is released', async () => {
  const ada = createApiClient({
    baseUrl: session.server.url,
    getToken: () => session.server.demo.ada.token,
  });
  // After the test above: no credits, the term's overage at its cap. $0.12 more of cap, which
  // a running Smart Crop (1.2 credits over at $0.10) takes at once.
  const { overage } = await ada.me();
  expect(overage.capUsd).toBe(overage.usdThisCycle);
  const capUsd = toUsdString(parseUsd(overage.usdThisCycle).plus(parseUsd('0.12')));
  await ada.setOveragePolicy({ policy: 'ask', capUsd });
  const { hold } = await ada.reserve({ operation: 'smart-crop', quantity: 1, overage: 'accept' });

  const section = session.popup.getByRole('region', { name: 'Overage' });
  await section.getByText('Held for running operations').waitFor({ timeout: 10_000 });
  expect(await section.getByTestId('overage-policy').textContent()).toContain(
    'Held for running operations$0.12',
  );
  const balance = session.popup.getByRole('region', { name: 'Credit balance' });
  await balance.getByText(/overage cap is reached/).waitFor({ timeout: 10_000 });
  const planner = session.popup.getByRole('region', { name: 'Basket planner' });
  await planner.getByRole('textbox', { name: 'Smart Crops' }).fill('1');
  const line = (ending: string) =>
    planner.getByText(`1 Smart Crop · 1.2 credits · 1.2 over · ${ending}`, { exact: true });
  await line('overage cap reached').waitFor({ timeout: 10_000 });
  expect(await seriousViolations(session.popup)).toEqual([]);

  // Released: nothing held, and the room it took is there for the next Smart Crop.
  await ada.release(hold.id);
  await line('$0.12 overage').waitFor({ timeout: 10_000 });
  expect(await section.getByText('Held for running operations').count()).toBe(0);
  expect(await balance.getByText(/overage cap is reached/).count()).toBe(0);
});
