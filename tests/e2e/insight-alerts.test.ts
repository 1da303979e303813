// Insight and low-balance alerts in the extension, in a real Chromium against the real server
// on the dev clock: a known usage history gives the pace line, the advice and the chip's
// warning; an alert pushed by the server becomes a browser notification and the badge's
// warning colour.
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { type Client, client, clock } from '../server/http.ts';
import { seriousViolations } from '../support/axe.ts';
import { connectInPopup } from '../support/browser.ts';
import { extensionPerFile } from '../support/extension-per-file.ts';
import { createAccount } from '../support/server.ts';

const session = extensionPerFile({ devClock: true });
let api: Client;
let editor: Page;
let miloToken: string;

// Growth from Mar 1 09:00: 1,000 Smart Crops (1,300 credits) a day for three days, then it is
// Mar 4 09:00 with 670 credits left (past the 20 % alert, not the 5 %).
beforeAll(async () => {
  const { server } = session;
  expect((await clock(server, { now: '2027-03-01T09:00:00.000Z' })).status).toBe(200);
  const { members } = await createAccount(server, {
    planId: 'growth',
    members: [
      { name: 'Ada', role: 'admin' },
      { name: 'Milo', role: 'member' },
    ],
  });
  miloToken = members[1]!.token;
  api = client(server, members[0]!.token);
  for (const day of [1, 2, 3]) {
    if (day > 1) expect((await clock(server, { advance: 'P1D' })).status).toBe(200);
    expect((await api.post('/v1/usage', { operation: 'smart-crop', quantity: 1000 })).status).toBe(
      201,
    );
  }
  expect((await clock(server, { advance: 'P1D' })).status).toBe(200);
  await connectInPopup(session.popup, server.url, members[0]!.token);
});

test('the popup says how long the credits last, lists the alert, and advises Scale with its preview', async () => {
  const { popup } = session;
  const pace = popup.getByText(/your credits last/);
  await expect
    .poll(() => pace.textContent())
    .toBe('At this pace (1,300 credits a day) your credits last until Mar 4; they renew Apr 1.');
  const alerts = popup.getByRole('region', { name: 'Low-balance alerts' });
  expect(await alerts.getByRole('listitem').allTextContents()).toEqual([
    '20 % of this term’s credits leftMar 3',
  ]);
  await expect
    .poll(() => popup.getByTestId('plan-advice').textContent())
    .toBe(
      'At this pace Scale costs $3,220.00 this term; Growth $3,823.00 with its overage ($603.00 less on Scale).',
    );
  await popup.getByRole('button', { name: 'Preview the change to Scale' }).click();
  const change = popup.getByRole('region', { name: 'Change plan' });
  await change.getByRole('button', { name: /^Change to Scale · / }).waitFor();
  expect(await change.getByRole('radio', { name: 'Scale' }).isChecked()).toBe(true);
  expect(await seriousViolations(popup)).toEqual([]);
});

test('the badge takes the warning colour once an alert fired, though 670 of 4,570 is not yet low', async () => {
  const worker = await session.browser.serviceWorker();
  const badgeColour = () =>
    worker.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { action: { getBadgeBackgroundColor(details: object): Promise<number[]> } };
        }
      ).chrome.action.getBadgeBackgroundColor({}),
    );
  // BADGE_COLORS.low, #c2410c.
  await expect.poll(badgeColour).toEqual([0xc2, 0x41, 0x0c, 255]);
});

test('the chip warns that the credits run out before the renewal, and its panel says when', async () => {
  editor = await session.browser.context.newPage();
  await editor.goto(`${session.server.url}/editor`);
  const chip = editor.locator('tally-widget').getByRole('button', { name: /runs out Mar 4/ });
  await chip.waitFor();
  expect(await chip.getAttribute('class')).toContain('t-chip--warning');
  await chip.click();
  const pace = editor.locator('tally-widget').getByText(/your credits last/);
  expect(await pace.textContent()).toBe(
    'At this pace (1,300 credits a day) your credits last until Mar 4; they renew Apr 1.',
  );
  expect(await seriousViolations(editor)).toEqual([]);
});

test('an alert pushed by the server becomes one browser notification', async () => {
  // 340 Smart Crops (442 credits) leave 228: at or below 5 % (228.5) of 4,570.
  const used = await api.post('/v1/usage', { operation: 'smart-crop', quantity: 340 });
  expect(used.status).toBe(201);
  const worker = await session.browser.serviceWorker();
  const notifications = () =>
    worker.evaluate(async () => {
      const chrome = (
        globalThis as unknown as {
          chrome: {
            notifications: { getAll(): Promise<Record<string, boolean>> };
          };
        }
      ).chrome;
      return Object.keys(await chrome.notifications.getAll()).filter((id) =>
        id.startsWith('tally-alert:'),
      );
    });
  await expect
    .poll(notifications, { timeout: 10_000 })
    .toEqual([`tally-alert:5@${used.body.entry.at}`]);
});

test('a member is advised too, and asks Ada for Scale in one click', async () => {
  const { popup, server } = session;
  await connectInPopup(popup, server.url, miloToken);
  await popup.getByRole('button', { name: 'Ask Ada for Scale' }).click();
  await popup.getByRole('status').filter({ hasText: 'Asked Ada for Scale.' }).waitFor();
  const requests = await client(server, miloToken).get('/v1/upgrade-requests');
  expect(requests.body.requests.map((r: { planId: string }) => r.planId)).toEqual(['scale']);
});

test('a slow pace says the credits last past the renewal, and the chip stays calm', async () => {
  const { popup, server } = session;
  // Scale from Mar 4 09:00: 10 Smart Crops, then a day later (12 credits a day, 9,988 left).
  const { members } = await createAccount(server, {
    planId: 'scale',
    members: [{ name: 'Bo', role: 'admin' }],
  });
  const bo = client(server, members[0]!.token);
  expect((await bo.post('/v1/usage', { operation: 'smart-crop', quantity: 10 })).status).toBe(201);
  expect((await clock(server, { advance: 'P1D' })).status).toBe(200);
  await connectInPopup(popup, server.url, members[0]!.token);
  await expect
    .poll(() => popup.getByText(/your credits last/).textContent())
    .toBe('At this pace your credits last past the renewal on Apr 4.');
  await editor.reload();
  const chip = editor.locator('tally-widget').getByRole('button', { name: /9,988 credits/ });
  await chip.waitFor();
  expect(await chip.getAttribute('class')).toContain('t-chip--ok');
});
