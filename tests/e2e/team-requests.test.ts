// The team in two real Chromiums, one extension each: Milo asks Ada to upgrade, Ada's popup
// shows the request live and approves it, Milo's popup shows the new plan; a plan change Ada
// makes herself approves what Milo asked for; Ada removes Milo and Milo's extension says his
// access was removed.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApiClient } from '../../lib/api/client.ts';
import { seriousViolations } from '../support/axe.ts';
import { connectInPopup, type ExtensionBrowser, launchWithExtension } from '../support/browser.ts';
import { spaceBetween, wordsOffset } from '../support/button-place.ts';
import { fieldLooks, wellLaidOut } from '../support/field-look.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let adaBrowser: ExtensionBrowser;
let miloBrowser: ExtensionBrowser;
let ada: Page;
let milo: Page;

beforeAll(async () => {
  server = await startServer();
  adaBrowser = await launchWithExtension();
  miloBrowser = await launchWithExtension();
  ada = await adaBrowser.openPopup();
  milo = await miloBrowser.openPopup();
  await connectInPopup(ada, server.url, server.demo.ada.token);
  await connectInPopup(milo, server.url, server.demo.milo.token);
});

afterAll(async () => {
  await adaBrowser?.close();
  await miloBrowser?.close();
  await server?.stop();
});

test('Milo asks; Ada’s popup shows it live with the preview; she approves; Milo is on Scale', async () => {
  const ask = milo.getByRole('button', { name: 'Ask Ada to upgrade to Scale' });
  await ask.waitFor();
  const form = milo.getByRole('region', { name: 'Ask for an upgrade' });
  expect(await fieldLooks(form)).toEqual(wellLaidOut(['Plan', 'Note for Ada (optional)']));
  expect(await form.getByRole('combobox', { name: 'Plan' }).inputValue()).toBe('scale');
  await milo.getByRole('textbox', { name: /Note for Ada/ }).fill('Big catalogue shoot');
  await ask.click();
  await expect
    .poll(() => milo.getByRole('status').allTextContents())
    .toContain('You asked Ada to upgrade to Scale: waiting for an answer.');

  const request = ada.getByRole('listitem', { name: 'Milo asks for Scale' });
  await request.waitFor({ timeout: 10_000 });
  expect(await request.textContent()).toContain('“Big catalogue shoot”');
  expect(await request.getByTestId('plan-change-preview').textContent()).toContain('$500.00');
  expect(await seriousViolations(ada)).toEqual([]);
  const approve = request.getByRole('button', { name: 'Approve · $500.00 today' });
  expect(await spaceBetween(approve, request.getByRole('button', { name: 'Decline' }))).toBe(8);
  await approve.click();

  await expect
    .poll(() => milo.getByRole('status').allTextContents(), { timeout: 10_000 })
    .toContain('Ada approved: the account moved to Scale.');
  const plan = milo.getByRole('region', { name: 'Plan', exact: true });
  await expect.poll(() => plan.textContent()).toContain('Scale$500.00 / month');
  expect(await seriousViolations(milo)).toEqual([]);
});

test('each one’s recent activity says whose each entry is: by you, or by name', async () => {
  const client = (token: string) => createApiClient({ baseUrl: server.url, getToken: () => token });
  await client(server.demo.milo.token).recordUsage({
    operation: 'background-removal',
    quantity: 2,
  });
  await client(server.demo.ada.token).recordUsage({ operation: 'smart-crop', quantity: 3 });
  const line = (page: Page, text: string) =>
    page
      .getByRole('region', { name: 'Recent activity' })
      .getByRole('listitem')
      .filter({ hasText: text });
  // Milo, a member, knows Ada as the account's admin.
  await expect
    .poll(() => line(milo, '2 × Background Removal').textContent(), { timeout: 10_000 })
    .toMatch(/ · by you/);
  expect(await line(milo, '3 × Smart Crop').textContent()).toMatch(/ · by Ada/);
  // Ada, an admin, reads the members' names from the team.
  await expect
    .poll(() => line(ada, '2 × Background Removal').textContent(), { timeout: 10_000 })
    .toMatch(/ · by Milo/);
  expect(await line(ada, '3 × Smart Crop').textContent()).toMatch(/ · by you/);
  expect(await seriousViolations(ada)).toEqual([]);
});

test('“Show earlier activity” brings the earlier lines, and the focus stays in the list', async () => {
  const client = createApiClient({ baseUrl: server.url, getToken: () => server.demo.ada.token });
  for (let quantity = 1; quantity <= 6; quantity++) {
    await client.recordUsage({ operation: 'lifestyle-crop', quantity });
  }
  const activity = ada.getByRole('region', { name: 'Recent activity' });
  const lines = activity.getByRole('listitem');
  await activity.getByText('6 × Lifestyle Crop', { exact: true }).waitFor({ timeout: 10_000 });
  await expect.poll(() => lines.count()).toBe(6);
  // Milo's Background Removals came before these six.
  expect(await activity.getByText('2 × Background Removal').count()).toBe(0);
  const more = activity.getByRole('button', { name: 'Show earlier activity' });
  await more.click();
  await activity.getByText('2 × Background Removal', { exact: true }).waitFor();
  expect(await lines.count()).toBeGreaterThan(6);
  await expect.poll(() => more.count()).toBe(0);
  expect(await ada.evaluate(() => document.activeElement?.tagName)).toBe('UL');
  expect(await seriousViolations(ada)).toEqual([]);
});

test('Ada changes to the plan Milo asked for in her plan list: his request reads approved, she has none open', async () => {
  // Back on Growth, so that there is a plan above to ask for.
  const adaApi = createApiClient({ baseUrl: server.url, getToken: () => server.demo.ada.token });
  await adaApi.changePlan({ planId: 'growth' });
  const ask = milo.getByRole('button', { name: 'Ask Ada to upgrade to Scale' });
  await ask.waitFor({ timeout: 10_000 });
  await ask.click();
  const miloStatus = () => milo.getByRole('status').allTextContents();
  await expect
    .poll(miloStatus, { timeout: 10_000 })
    .toContain('You asked Ada to upgrade to Scale: waiting for an answer.');
  await ada.getByRole('listitem', { name: 'Milo asks for Scale' }).waitFor({ timeout: 10_000 });

  // Not through the request: the plan list's own change.
  const change = ada.getByRole('region', { name: 'Change plan' });
  await change.getByRole('radio', { name: /^Scale/ }).check();
  await change.getByRole('button', { name: /^Change to Scale · / }).click();

  await expect
    .poll(miloStatus, { timeout: 10_000 })
    .toContain('Ada approved: the account moved to Scale.');
  const requests = ada.getByRole('region', { name: 'Upgrade requests' });
  await requests.getByText('No open requests.').waitFor({ timeout: 10_000 });
  expect(await requests.getByRole('button', { name: /^Approve/ }).count()).toBe(0);
  expect(await seriousViolations(ada)).toEqual([]);
});

test('Ada removes Milo: Milo’s extension shows that his access was removed', async () => {
  const row = ada.getByRole('listitem', { name: 'Milo' });
  expect(await row.textContent()).toContain('used this term');
  // The actions under his name start on its edge and stand apart.
  const makeAdmin = row.getByRole('button', { name: 'Make Milo an admin' });
  expect(await wordsOffset(makeAdmin, row.getByText('Milo', { exact: true }))).toBe(0);
  expect(await spaceBetween(makeAdmin, row.getByRole('button', { name: 'Remove Milo' }))).toBe(8);
  await ada.getByRole('button', { name: 'Remove Milo' }).click();
  await expect
    .poll(() => milo.getByRole('alert').allTextContents(), { timeout: 10_000 })
    .toContainEqual(expect.stringMatching(/^Your access to Studio North was removed/));
  await expect.poll(() => ada.getByRole('listitem', { name: 'Milo' }).count()).toBe(0);
});
