// Insight and low-balance alerts in the embedded widget, in a real Chromium against the real
// server on the dev clock: the demo editor in embedded mode as Ada (Studio North, Growth, 4,570
// credits). An alert pushed by the server shows as a banner beside the compact chip and above
// the expanded panel, each dismissible; the expanded layout shows the pace and this term's alerts.
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { available, widget } from '../embed/shadow.ts';
import { type Client, client, clock } from '../server/http.ts';
import { seriousViolations } from '../support/axe.ts';
import { chromiumPerFile, PATIENT } from '../support/chromium-per-file.ts';

const session = chromiumPerFile({ devClock: true });
let editor: Page;
let ada: Client;

const setLayout = (layout: 'compact' | 'expanded') =>
  editor.locator('tally-credits').evaluate((element, value) => {
    element.setAttribute('layout', value);
  }, layout);

const banner = () => widget(editor).getByRole('alert').filter({ hasText: 'Studio North' });

beforeAll(async () => {
  ada = client(session.server, session.server.demo.ada.token);
  editor = await session.browser.newPage({ viewport: { width: 1280, height: 1400 } });
  await editor.goto(`${session.server.url}/editor?mode=embed&as=ada`);
  await available(editor).filter({ hasText: '4,570' }).waitFor(PATIENT);
});

test('beside the compact chip, an alert shows as a banner that leaves the page’s controls free, until dismissed', async () => {
  await setLayout('compact');
  await widget(editor)
    .getByRole('button', { name: /4,570 credits/ })
    .waitFor(PATIENT);
  // 2,813 Smart Crops (3,656.9 credits) leave 913.1: at or below 20 % (914) of 4,570.
  expect((await ada.post('/v1/usage', { operation: 'smart-crop', quantity: 2813 })).status).toBe(
    201,
  );
  await expect
    .poll(() => banner().textContent(), PATIENT)
    .toBe('Studio North is down to 20 % of this term’s credits: 913.1 leftDismiss');
  // Every control of the editor still takes a click (Playwright's hit-target check).
  for (const control of await editor.locator('button[data-tally-operation]').all()) {
    await control.click({ trial: true, timeout: 2_000 });
  }
  expect(await seriousViolations(editor)).toEqual([]);
  await banner().getByRole('button', { name: 'Dismiss' }).click();
  await expect.poll(() => banner().count(), PATIENT).toBe(0);
});

test('above the expanded panel, the next alert shows again, and Dismiss hides it', async () => {
  await setLayout('expanded');
  // A day into the term, so there is a pace; then 527 Smart Crops (685.1 credits) leave 228:
  // at or below 5 % (228.5).
  expect((await clock(session.server, { advance: 'P1D' })).status).toBe(200);
  expect((await ada.post('/v1/usage', { operation: 'smart-crop', quantity: 527 })).status).toBe(
    201,
  );
  await expect
    .poll(() => banner().textContent(), PATIENT)
    .toBe('Studio North is down to 5 % of this term’s credits: 228 leftDismiss');
  expect(await seriousViolations(editor)).toEqual([]);
  await banner().getByRole('button', { name: 'Dismiss' }).click();
  await expect.poll(() => banner().count(), PATIENT).toBe(0);
});

test('the expanded layout says how long the credits last and lists this term’s alerts', async () => {
  const panel = widget(editor);
  await expect
    .poll(() => panel.getByText(/your credits last/).textContent(), PATIENT)
    .toMatch(/^At this pace \([\d,.]+ credits a day\) your credits last until \w+ \d+; they renew/);
  const alerts = panel.getByRole('region', { name: 'Low-balance alerts' });
  const items = await alerts.getByRole('listitem').allTextContents();
  expect(items.map((item) => item.replace(/left.*$/, 'left'))).toEqual([
    '20 % of this term’s credits left',
    '5 % of this term’s credits left',
  ]);
  expect(await seriousViolations(editor)).toEqual([]);
});

test('an admin’s plan advice opens the plan-change preview of the advised plan', async () => {
  const panel = widget(editor);
  await panel.getByRole('button', { name: 'Preview the change to Scale' }).click(PATIENT);
  const change = panel.getByRole('region', { name: 'Change plan' });
  await change.getByRole('button', { name: /^Change to Scale · / }).waitFor(PATIENT);
  expect(await change.getByRole('radio', { name: 'Scale' }).isChecked()).toBe(true);
  expect(await seriousViolations(editor)).toEqual([]);
});

test('a member’s plan advice asks the admins for the advised plan in one click', async () => {
  const milo = await session.browser.newPage({ viewport: { width: 1280, height: 1400 } });
  await milo.goto(`${session.server.url}/editor?mode=embed&as=milo`);
  const panel = widget(milo);
  await panel.getByRole('button', { name: 'Ask Ada for Scale' }).click(PATIENT);
  await panel.getByRole('status').filter({ hasText: 'Asked Ada for Scale.' }).waitFor(PATIENT);
  const requests = await client(session.server, session.server.demo.milo.token).get(
    '/v1/upgrade-requests',
  );
  expect(requests.body.requests.map((r: { planId: string }) => r.planId)).toEqual(['scale']);
});
