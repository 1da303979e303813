// The embedded widget on a vendor's top plan that allows no overage, in a real Chromium: with
// no plan to move up to and no overage to pay, nothing tells the designer to upgrade. The cost
// preview says the plan has no overage and the balance says when the credits renew.
// axe-core finds nothing serious.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { createApiClient } from '../../lib/api/index.ts';
import { demoCatalog } from '../../lib/billing/catalog.ts';
import { maxOperations } from '../../lib/billing/index.ts';
import { MAX_QUANTITY } from '../../lib/billing/quantity.ts';
import { available, widget } from '../embed/shadow.ts';
import { seriousViolations } from '../support/axe.ts';
import { chromiumPerFile, PATIENT } from '../support/chromium-per-file.ts';

// Scale, the top plan, without overage, and a Smart Crop of 1 credit on it, so that whole
// operations can use its credits up to exactly 0.
const dir = mkdtempSync(join(tmpdir(), 'tally-catalogue-'));
const catalogue = join(dir, 'catalogue.json');
const plans = demoCatalog.plans.map((plan) =>
  plan.id === 'scale'
    ? { ...plan, allowsOverage: false, rates: { ...plan.rates, 'smart-crop': '1' } }
    : plan,
);
writeFileSync(catalogue, JSON.stringify({ ...demoCatalog, plans }));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const session = chromiumPerFile({ env: { TALLY_CATALOG: catalogue } });

test('no upgrade named on the top plan without overage: the preview and the balance say what is so', async () => {
  const ada = createApiClient({
    baseUrl: session.server.url,
    token: session.server.demo.ada.token,
  });
  await ada.changePlan({ planId: 'scale' });
  for (let me = await ada.me(); ; me = await ada.me()) {
    const fits = maxOperations(me.plan, me.credits.available, 'smart-crop');
    if (fits === 0) break;
    await ada.recordUsage({ operation: 'smart-crop', quantity: Math.min(fits, MAX_QUANTITY) });
  }
  const { cycle, credits } = await ada.me();
  expect(credits.available).toBe('0');

  const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${session.server.url}/editor?mode=embed&as=ada`);
  await expect.poll(() => available(page).textContent(), PATIENT).toBe('0');
  const panel = widget(page);
  // The day as the widget writes days near at hand ("Jan 3"): the term ends within a month.
  const day = new Date(cycle.end).toLocaleDateString('en-US', { month: 'short', day: 'numeric' });
  const balance = panel.getByRole('region', { name: 'Credit balance' });
  await balance.getByText(`No credits left until the term renews on ${day}.`).waitFor(PATIENT);

  await page.locator('button[data-tally-operation="smart-crop"]').hover();
  const preview = panel.getByRole('tooltip');
  await expect
    .poll(() => preview.textContent(), PATIENT)
    .toBe('Smart Crop · 1 credit · 1 credit over · no overage on this plan');
  expect(await balance.textContent()).not.toMatch(/upgrade/i);
  expect(await seriousViolations(page)).toEqual([]);
  await page.close();
});
