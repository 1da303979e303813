// The embedded widget on a vendor's top plan that allows no overage, in a real Chromium: with
// no plan to move up to and no overage to pay, nothing tells the designer to upgrade. The cost
// preview says the plan has no overage and the balance says when the credits renew. A rate of
// one credit reads "1 credit each".
// axe-core finds nothing serious.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { createApiClient } from '../../lib/api/index.ts';
import { demoCatalog } from '../../lib/billing/catalog.ts';
import { available, widget } from '../embed/shadow.ts';
import { topPlanWithoutOverage, withRate } from '../store/fixtures.ts';
import { seriousViolations } from '../support/axe.ts';
import { chromiumPerFile, PATIENT } from '../support/chromium-per-file.ts';
import { english } from '../support/english.ts';
import { spendDown } from '../support/spend-down.ts';

// Scale, the top plan, without overage (a vendor's choice), and a Smart Crop of 1 credit on it,
// so that whole operations can use its credits up to exactly 0.
const dir = mkdtempSync(join(tmpdir(), 'tally-catalogue-'));
const catalogue = join(dir, 'catalogue.json');
const plans = withRate(topPlanWithoutOverage, (id) => id === 'scale', 'smart-crop', '1');
writeFileSync(catalogue, JSON.stringify({ ...demoCatalog, plans }));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const session = chromiumPerFile({ env: { TALLY_CATALOG: catalogue } });

test('no upgrade named on the top plan without overage: the preview and the balance say what is so', async () => {
  const ada = createApiClient({
    baseUrl: session.server.url,
    token: session.server.demo.ada.token,
  });
  await ada.changePlan({ planId: 'scale' });
  expect(await spendDown(ada, 'smart-crop')).toBe('0');
  const { cycle } = await ada.me();

  const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${session.server.url}/editor?mode=embed&as=ada`);
  await expect.poll(() => available(page).textContent(), PATIENT).toBe('0');
  const panel = widget(page);
  const day = english.formats.day(cycle.end);
  const balance = panel.getByRole('region', { name: 'Credit balance' });
  await balance.getByText(`No credits left until the term renews on ${day}.`).waitFor(PATIENT);
  // A rate of exactly one credit, in the singular.
  const enough = panel.getByRole('region', { name: 'Remaining operations' });
  await enough.getByText('1 credit each', { exact: true }).waitFor(PATIENT);

  await page.locator('button[data-tally-operation="smart-crop"]').hover();
  const preview = panel.getByRole('tooltip');
  await expect
    .poll(() => preview.textContent(), PATIENT)
    .toBe('Smart Crop · 1 credit · 1 credit over · no overage on this plan');
  expect(await seriousViolations(page)).toEqual([]);
  await page.close();
});
