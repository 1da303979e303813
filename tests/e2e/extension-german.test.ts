// The extension in a Chromium whose UI language is German (`--lang=de`): the manifest's name,
// the popup and the in-page widget speak German, with German numbers; money stays in dollars.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApiClient } from '../../lib/api/client.ts';
import { seriousViolations } from '../support/axe.ts';
import {
  actInConsent,
  consentFrame,
  consentFrames,
  type ExtensionBrowser,
  launchWithExtension,
} from '../support/browser.ts';
import { startServer, type TestServer } from '../support/server.ts';

const PATIENT = { timeout: 15_000 };
let server: TestServer;
let browser: ExtensionBrowser;
let popup: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchWithExtension({ language: 'de' })]);
  popup = await browser.openPopup();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('the popup connects and shows the balance in German', async () => {
  const form = popup.getByRole('form', { name: 'Mit Tally verbinden' });
  await form.waitFor(PATIENT);
  await form.getByLabel('API-URL').fill(server.url);
  await form.getByLabel('Token').fill(server.demo.ada.token);
  await form.getByRole('button', { name: 'Verbinden', exact: true }).click();
  await expect.poll(() => popup.getByTestId('available').textContent(), PATIENT).toBe('4.570');
  const balance = popup.getByRole('region', { name: 'Credit-Guthaben' });
  expect(await balance.textContent()).toContain('von 4.570 Credits');
  await popup.getByRole('heading', { name: 'Reicht für' }).waitFor(PATIENT);
  expect(await popup.getByText('3.515 × Smart Crop').count()).toBe(1);
  const plan = popup.getByRole('region', { name: 'Plan', exact: true });
  expect(await plan.textContent()).toContain('250,00\u00a0$');
  expect(await popup.evaluate(() => document.documentElement.lang)).toBe('de');
  // German's longer words still fit the popup's width: nothing is cut off or scrolls sideways.
  const clipped = await popup.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((element) => !element.matches('.t-visually-hidden, .t-visually-hidden *'))
      .filter((element) => element.scrollWidth > element.clientWidth + 1)
      .filter((element) => getComputedStyle(element).overflowX !== 'visible')
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
  );
  expect(clipped).toEqual([]);
  expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    await popup.evaluate(() => window.innerWidth),
  );
  expect(await seriousViolations(popup)).toEqual([]);
});

test('the manifest names the extension in German', async () => {
  const worker = await browser.serviceWorker();
  const name = await worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { i18n: { getMessage(name: string): string } } }
    ).chrome.i18n.getMessage('extName'),
  );
  expect(name).toBe('Tally – Credit-Kontrolle');
});

test('the in-page widget says the balance and the cost preview in German', async () => {
  const editor = await browser.context.newPage();
  await editor.goto(`${server.url}/editor`);
  await expect
    .poll(() => editor.getByTestId('chip-label').textContent(), PATIENT)
    .toBe('4.570 Credits');
  await editor.locator('button[data-tally-operation="smart-crop"]').hover();
  const preview = editor.getByRole('tooltip');
  await expect.poll(() => preview.textContent(), PATIENT).toContain('1,3 Credits');
  // Growth: 1.3 × $0.0547… = $0.0711 of plan credits; 4,570 − 1.3 = 4,568.7 left.
  expect(await preview.textContent()).toContain('Plan-Credits im Wert von 0,0711\u00a0$');
  expect(await preview.textContent()).toContain('4.568,7 Credits übrig');
  await editor.close();
});

test('at 0 credits the consent dialog asks in German, every line whole, and Abbrechen cancels', async () => {
  const ada = createApiClient({ baseUrl: server.url, getToken: () => server.demo.ada.token });
  // Growth's 4,570 credits down to exactly 0: 1,114 × 4.1 + 2 × 1.3.
  await ada.recordUsage({ operation: 'lifestyle-crop', quantity: 1114 });
  await ada.recordUsage({ operation: 'smart-crop', quantity: 2 });
  const editor = await browser.context.newPage();
  await editor.goto(`${server.url}/editor?mode=extension&as=ada`);
  await expect
    .poll(() => editor.getByTestId('chip-label').textContent(), PATIENT)
    .toBe('Keine Credits mehr');
  await editor.locator('button[data-tally-operation="lifestyle-crop"]').click();
  const frame = await consentFrame(editor);
  const dialog = frame.getByRole('dialog', {
    name: 'Nicht genug Credits für diese Operation (Lifestyle Crop)',
  });
  await dialog.waitFor(PATIENT);
  await dialog
    .getByRole('button', { name: '0,41 $ Mehrverbrauch zahlen und weitermachen' })
    .waitFor();
  await dialog
    .getByRole('button', { name: /^Upgrade auf Scale · heute 500,00 \$$/ })
    .waitFor(PATIENT);
  const clipped = await frame.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('dialog *')]
      .filter((element) => !element.matches('.t-visually-hidden, .t-visually-hidden *'))
      .filter((element) => element.scrollWidth > element.clientWidth + 1)
      .filter((element) => getComputedStyle(element).overflowX !== 'visible')
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
  );
  expect(clipped).toEqual([]);
  await actInConsent(editor, frame, () =>
    dialog.getByRole('button', { name: 'Abbrechen' }).click(),
  );
  await expect.poll(() => consentFrames(editor), PATIENT).toBe(0);
  await editor.close();
});

test('the popup’s recent activity says the operations and the term in German', async () => {
  // The usage of the test before: 1,114 Lifestyle Crops and 2 Smart Crops.
  const activity = popup.getByRole('region', { name: 'Letzte Aktivität' });
  await activity.getByText('1.114 × Lifestyle Crop', { exact: true }).waitFor(PATIENT);
  await activity.getByText('2 × Smart Crop', { exact: true }).waitFor();
  // The demo's first term, said from the entry's plan instead of the server's English record.
  const term = activity.getByText('Neue Laufzeit im Plan Growth', { exact: true });
  await term.waitFor();
  expect(await term.getAttribute('lang')).toBeNull();
  expect(await activity.textContent()).not.toContain(' on Growth');
  expect(await activity.textContent()).not.toContain('started');
  expect(await seriousViolations(popup)).toEqual([]);
});

test('the cap in force shows in German, in its field too, with a decimal comma', async () => {
  const ada = createApiClient({ baseUrl: server.url, getToken: () => server.demo.ada.token });
  await ada.setOveragePolicy({ policy: 'ask', capUsd: '25.50' });
  const overage = popup.getByRole('region', { name: 'Mehrverbrauch' });
  await overage.getByText('bis zu 25,50\u00a0$ pro Monat').waitFor(PATIENT);
  const field = overage.getByRole('textbox', { name: /^Monatslimit in Dollar/ });
  expect(await field.inputValue()).toBe('25,50');
  expect(await seriousViolations(popup)).toEqual([]);
});

// Last: it moves the demo account to Scale.
test('a plan change and its rollover read in German in the recent activity', async () => {
  const ada = createApiClient({ baseUrl: server.url, getToken: () => server.demo.ada.token });
  await ada.changePlan({ planId: 'scale' });
  const activity = popup.getByRole('region', { name: 'Letzte Aktivität' });
  const change = activity.getByRole('listitem').filter({
    hasText: 'Plan von Growth auf Scale gewechselt',
  });
  await change.waitFor(PATIENT);
  // Scale's 10,000 credits added and its $500 charged, on the line's right.
  expect(await change.textContent()).toContain('+10.000');
  expect(await change.textContent()).toContain('500,00\u00a0$');
  // Growth's credits were spent to 0 in the tests before: nothing available carried over.
  const rollover = activity.getByRole('listitem').filter({
    hasText: 'Guthaben von Growth auf Scale übertragen: 0 verfügbar',
  });
  await rollover.waitFor();
  // It changed no available credits: its words and time, no "0" beside them, and the words
  // wrap inside the row instead of running past it.
  expect(await rollover.locator(':scope > span').count()).toBe(1);
  const overhang = await rollover.evaluate(
    (row) =>
      (row.firstElementChild as HTMLElement).getBoundingClientRect().right -
      row.getBoundingClientRect().right,
  );
  expect(overhang).toBeLessThanOrEqual(0);
  expect(await activity.textContent()).not.toContain('Plan changed');
  expect(await activity.textContent()).not.toContain('rolled over');
  expect(await seriousViolations(popup)).toEqual([]);
});
