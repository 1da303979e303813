// The upgrade-or-pay-overage dialog of the extension in a real Chromium, against the real
// server and its demo editor: pay the overage (docs/billing.md: 0 available, Lifestyle Crop 4.1 →
// $0.41), upgrade as an admin in one click (the consent frame is Tally's own page), and a
// member's ask-your-admin. The demo editor acts only for its demo members, so every test has a
// server of its own (its own Studio North) and runs alone as well as in any order.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { createApiClient } from '../../lib/api/client.ts';
import { formatCredits, formatDay, formatUsd } from '../../lib/billing/format.ts';
import { seriousViolations } from '../support/axe.ts';
import {
  chooseInConsent,
  connectInPopup,
  consentFrame,
  consentFrames,
  type ExtensionBrowser,
  launchWithExtension,
} from '../support/browser.ts';
import { startServer, type TestServer } from '../support/server.ts';

let browser: ExtensionBrowser;
let popup: Page;
const servers: TestServer[] = [];

beforeAll(async () => {
  browser = await launchWithExtension();
  popup = await browser.openPopup();
});

afterEach(async () => {
  for (const page of browser.context.pages()) if (page !== popup) await page.close();
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

afterAll(async () => {
  await browser?.close();
});

/**
 * A new server whose Studio North (Growth, 4,570 credits) has `spend` recorded by Ada first,
 * the popup connected as `as`, and the demo editor open acting as them.
 */
async function studioNorth(as: 'ada' | 'milo', spend: { operation: string; quantity: number }[]) {
  const server = await startServer();
  servers.push(server);
  const api = (token: string) => createApiClient({ baseUrl: server.url, getToken: () => token });
  const ada = api(server.demo.ada.token);
  for (const usage of spend) await ada.recordUsage(usage);
  await connectInPopup(popup, server.url, server.demo[as].token);
  const editor = await browser.context.newPage();
  await editor.goto(`${server.url}/editor?mode=extension&as=${as}`);
  return {
    ada,
    milo: api(server.demo.milo.token),
    editor,
    chipLabel: () => editor.getByTestId('chip-label'),
    dialog: async () => (await consentFrame(editor)).getByRole('dialog'),
    choose: (name: string) => chooseInConsent(editor, name),
    operation: (id: string) => editor.locator(`button[data-tally-operation="${id}"]`),
    receipt: () => editor.locator('tally-widget').getByTestId('receipt'),
  };
}

// Growth's 4,570 credits down to exactly 0: 1,114 × 4.1 + 2 × 1.3.
const TO_ZERO = [
  { operation: 'lifestyle-crop', quantity: 1114 },
  { operation: 'smart-crop', quantity: 2 },
];
// Down to 2.6 credits, less than one Lifestyle Crop (4.1): 1,114 × 4.1.
const TO_TWO_POINT_SIX = [{ operation: 'lifestyle-crop', quantity: 1114 }];

test('at 0 credits, Lifestyle Crop opens the dialog; "Pay $0.41" records it with the charge', async () => {
  const { ada, editor, chipLabel, dialog, choose, operation, receipt } = await studioNorth(
    'ada',
    TO_ZERO,
  );
  await expect.poll(() => chipLabel().textContent(), { timeout: 10_000 }).toBe('No credits left');
  await operation('lifestyle-crop').click();
  await expect.poll(async () => (await dialog()).textContent()).toContain('4.1 credits');
  // While the dialog waits for the user, the editor says what it waits for.
  expect(await editor.locator('#op-status').textContent()).toBe(
    "Lifestyle Crop × 1: waiting for Tally's go-ahead…",
  );
  await choose('Pay $0.41 overage and continue');

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
    .poll(() => receipt().textContent())
    .toBe('Studio North paid $0.41 overage: 4.1 credits for Lifestyle Crop');
});

test('"Upgrade to Scale · $500.00 today" (admin) changes the plan in one click and the operation proceeds', async () => {
  const { ada, chipLabel, dialog, choose, operation, receipt } = await studioNorth('ada', TO_ZERO);
  await expect.poll(() => chipLabel().textContent(), { timeout: 10_000 }).toBe('No credits left');
  await operation('lifestyle-crop').click();
  const upgrade = (await dialog()).getByRole('button', {
    name: 'Upgrade to Scale · $500.00 today',
  });
  await upgrade.waitFor();
  // Each of Scale's facts reads on one line: the button does not squeeze them into a narrow column.
  const factLines = await upgrade.evaluate((button) =>
    [...(button.parentElement?.querySelectorAll('.t-upgrade__facts > span') ?? [])].map((fact) => {
      const range = document.createRange();
      range.selectNodeContents(fact);
      return range.getClientRects().length;
    }),
  );
  expect(factLines).toEqual([1, 1, 1]);
  // What upgrading would leave, at Scale's rate: the chip shows the same once it is done.
  const facts = (await dialog()).locator('.t-upgrade__facts > span');
  expect(await facts.allTextContents()).toEqual([
    '10,000 credits right away',
    'enough for this Lifestyle Crop, 9,996.2 credits left',
    `renews ${formatDay((await ada.previewPlanChange({ planId: 'scale' })).cycleAfter.end)} at $500.00/month`,
  ]);
  // Nothing is wider than the dialog, not even a button with a long label (a team's admins
  // named in full, a long language): its words wrap.
  const overflow = await upgrade.evaluate((button) => {
    const dialog = button.closest('dialog');
    if (!dialog) return -1;
    const label = button.textContent;
    button.textContent = 'Ask Ada Lovelace, Grace Hopper and Margaret Hamilton to upgrade to Scale';
    const over = dialog.scrollWidth - dialog.clientWidth;
    button.textContent = label;
    return over;
  });
  expect(overflow).toBe(0);
  await choose('Upgrade to Scale · $500.00 today');

  await expect.poll(async () => (await ada.me()).plan.id, { timeout: 10_000 }).toBe('scale');
  // The preflight that waited behind the dialog went on: a usage on Scale's rate (3.8).
  await expect
    .poll(async () => (await ada.ledger({ limit: 1 })).entries[0], { timeout: 10_000 })
    .toMatchObject({ kind: 'usage', operation: 'lifestyle-crop', credits: '-3.8' });
  // 0 rolled over + 10,000 − 3.8
  await expect.poll(() => chipLabel().textContent(), { timeout: 10_000 }).toBe('9,996.2 credits');
  const { cycle } = await ada.me();
  expect(await receipt().textContent()).toBe(
    `Studio North is on Scale: $500.00 charged, 10,000 credits, renews ${formatDay(cycle.end)} at $500.00/month`,
  );
});

test('a member is told once whom to ask, asks for Scale from the dialog, then cancels', async () => {
  const { ada, milo, editor, chipLabel, dialog, choose, operation } = await studioNorth(
    'milo',
    TO_TWO_POINT_SIX,
  );
  await expect.poll(() => chipLabel().textContent(), { timeout: 10_000 }).toBe('2.6 credits');

  await operation('lifestyle-crop').click();
  const shown = await dialog();
  await expect.poll(() => shown.textContent()).toContain('Ask Ada (admin) to upgrade');
  expect(await shown.getByRole('button', { name: /^Upgrade to/ }).count()).toBe(0);
  // Whom to ask is said once, over the plans; the status line under them waits, empty, for the
  // news of an ask, and takes no room meanwhile: Cancel is one of the dialog's gaps under the
  // plans, not two.
  expect((await shown.textContent())?.split('Ada (admin)').length).toBe(2);
  const status = shown.getByRole('status');
  expect(await status.textContent()).toBe('');
  /** The gaps between the plans, the status line and the actions row, in the dialog's gaps. */
  const gaps = () =>
    shown.evaluate((dialog) => {
      const gap = Number.parseFloat(getComputedStyle(dialog).rowGap);
      const status = dialog.querySelector('[role="status"]')!;
      const plans = status.previousElementSibling!.getBoundingClientRect();
      const actions = dialog.querySelector('.t-dialog__actions')!.getBoundingClientRect();
      const line = status.getBoundingClientRect();
      const inGaps = (px: number) => Math.round(px / gap);
      if (line.height === 0) return [inGaps(actions.top - plans.bottom)];
      return [inGaps(line.top - plans.bottom), inGaps(actions.top - line.bottom)];
    });
  expect(await gaps()).toEqual([1]);
  expect(await seriousViolations(await consentFrame(editor))).toEqual([]);

  await choose('Ask Ada to upgrade to Scale');
  await expect.poll(() => status.textContent()).toMatch(/^You asked Ada to upgrade to Scale/);
  expect(await gaps()).toEqual([1, 1]);
  expect((await ada.upgradeRequests('open')).requests).toMatchObject([{ planId: 'scale' }]);
  await choose('Cancel');
  await expect.poll(() => consentFrames(editor)).toBe(0);
  // Cancelled: no usage recorded (the ask stands).
  expect((await milo.me()).credits.available).toBe('2.6');
});

test('an admin sets "Automatic" with a cap in the popup; overage then goes on without asking', async () => {
  const { ada, editor, chipLabel, operation } = await studioNorth('ada', TO_TWO_POINT_SIX);
  const section = popup.getByRole('region', { name: 'Overage' });
  await section.getByRole('radio', { name: /^Automatic/ }).check();
  await section.getByLabel(/Monthly cap/).fill('5');
  await section.getByRole('button', { name: 'Save overage policy' }).click();
  await expect
    .poll(() => section.getByRole('status').textContent(), { timeout: 10_000 })
    .toBe('Saved: Automatic, up to $5.00 a month.');
  expect((await ada.me()).overage).toMatchObject({ policy: 'auto', capUsd: '5.00' });

  // 2.6 credits left on Growth; Lifestyle Crop is 4.1 → 1.5 credits of overage, $0.15.
  await expect.poll(() => chipLabel().textContent(), { timeout: 10_000 }).toBe('2.6 credits');
  await operation('lifestyle-crop').click();
  await expect
    .poll(async () => (await ada.ledger({ limit: 1 })).entries[0], { timeout: 10_000 })
    .toMatchObject({ kind: 'usage', operation: 'lifestyle-crop', overageCredits: '1.5' });
  expect(consentFrames(editor)).toBe(0);
  const { overage } = await ada.me();
  expect(overage.usdThisCycle).toBe('0.15');
  await expect
    .poll(() => section.getByTestId('overage-policy').textContent(), { timeout: 10_000 })
    .toContain(`${formatCredits(overage.creditsThisCycle)} · ${formatUsd(overage.usdThisCycle)}`);
});
