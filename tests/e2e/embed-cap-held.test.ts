// The embedded widget when a running operation's consented overage fills the cap, in a real
// Chromium. The server counts what pending holds were promised against the cap (docs/billing.md,
// decisions 2), so the widget does too: the cost preview says the cap is reached instead of
// offering overage the server would refuse, and the balance says why nothing more can run.
// Once the hold is released, the room is back in both. axe-core finds nothing serious.
import { expect, test } from 'vitest';
import { createApiClient } from '../../lib/api/index.ts';
import { parseUsd, toUsdString } from '../../lib/billing/decimal.ts';
import { available, widget } from '../embed/shadow.ts';
import { seriousViolations } from '../support/axe.ts';
import { chromiumPerFile, PATIENT } from '../support/chromium-per-file.ts';
import { english } from '../support/english.ts';
import { spendDown } from '../support/spend-down.ts';

const session = chromiumPerFile();

test('overage promised to a running operation counts against the cap in the preview and the balance', async () => {
  const ada = createApiClient({
    baseUrl: session.server.url,
    token: session.server.demo.ada.token,
  });
  // Scale, the top plan: Smart Crop 1.2 credits, overage $0.10 a credit. The last credits and
  // the rest as overage; a cap that leaves $0.12 of room, which a running Smart Crop takes.
  await ada.changePlan({ planId: 'scale' });
  await spendDown(ada, 'smart-crop');
  const last = await ada.recordUsage({ operation: 'smart-crop', quantity: 1, overage: 'accept' });
  const spent = last.snapshot.overage.usdThisCycle;
  const capUsd = toUsdString(parseUsd(spent).plus(parseUsd('0.12')));
  await ada.setOveragePolicy({ policy: 'ask', capUsd });
  const { hold, snapshot } = await ada.reserve({
    operation: 'smart-crop',
    quantity: 1,
    overage: 'accept',
  });
  expect(snapshot.overage).toMatchObject({ usdThisCycle: spent, heldUsd: '0.12', capUsd });

  const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${session.server.url}/editor?mode=embed&as=ada`);
  await expect.poll(() => available(page).textContent(), PATIENT).toBe('0');
  const panel = widget(page);
  const day = english.formats.day(snapshot.cycle.end);
  const balance = panel.getByRole('region', { name: 'Credit balance' });
  await balance
    .getByText(
      `No credits left and this month’s overage cap is reached: operations need a higher cap or wait for the renewal on ${day}.`,
    )
    .waitFor(PATIENT);
  await page.locator('button[data-tally-operation="smart-crop"]').hover();
  const preview = panel.getByRole('tooltip');
  await expect
    .poll(() => preview.textContent(), PATIENT)
    .toBe('Smart Crop · 1.2 credits · 1.2 credits over · overage cap reached');
  expect(await seriousViolations(page)).toEqual([]);

  // Released: its $0.12 is room again, which one more Smart Crop's overage fits exactly.
  await ada.release(hold.id);
  await expect
    .poll(() => preview.textContent(), PATIENT)
    .toBe('Smart Crop · 1.2 credits · 1.2 credits over · $0.12 overage');
  await expect.poll(() => balance.getByText(/overage cap is reached/).count(), PATIENT).toBe(0);
  await page.close();
});
