// The embedded widget in the page's language, in a real Chromium: the demo editor with
// `<tally-credits lang="fr">` shows French words and French numbers, and its expanded layout's
// part loaded on demand speaks French too (its usage chart's words fitting the chart); a German page (`<html lang="de">`, no attribute) gets
// German; axe-core finds nothing serious in either.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { startHostPage } from '../embed/host-page.ts';
import { available, widget } from '../embed/shadow.ts';
import { seriousViolations } from '../support/axe.ts';
import { chromiumPerFile, PATIENT } from '../support/chromium-per-file.ts';
import { startServer } from '../support/server.ts';

const session = chromiumPerFile();

async function editor(query: string): Promise<Page> {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 1400 } });
  await page.goto(`${session.server.url}/editor?mode=embed&as=ada&${query}`);
  return page;
}

test('lang="fr": French words and numbers, the on-demand part included', async () => {
  const page = await editor('lang=fr');
  const panel = widget(page);
  // U+202F, the narrow no-break space French groups thousands with.
  await expect.poll(() => available(page).textContent(), PATIENT).toBe('4\u202f570');
  const balance = panel.getByRole('region', { name: 'Solde de crédits' });
  expect(await balance.textContent()).toContain('sur 4\u202f570 crédits');
  // Each figure agrees with its number: nothing held or used is singular in French.
  expect(await balance.locator('.t-legend span').allTextContents()).toEqual([
    '4\u202f570 disponibles',
    '0 réservé',
    '0 utilisé',
  ]);
  const plan = panel.getByRole('region', { name: 'Forfait', exact: true });
  await plan.waitFor(PATIENT);
  expect(await plan.textContent()).toContain('Crédits par mois');
  expect(await plan.textContent()).toContain('250,00\u00a0$US');
  await panel.getByRole('heading', { name: 'De quoi faire' }).waitFor(PATIENT);
  expect(await panel.locator('.tally-embed-root').getAttribute('lang')).toBe('fr');
  // The term began today, so today's mark is the chart's first day: its word, twice as long
  // as "Today", stays on the chart instead of running off its left edge.
  const today = panel.getByText('Aujourd’hui', { exact: true });
  await today.waitFor(PATIENT);
  const overhang = await today.evaluate((label) => {
    const word = label.getBoundingClientRect();
    const chart = (label.closest('svg') as SVGSVGElement).getBoundingClientRect();
    return { left: chart.left - word.left, right: word.right - chart.right };
  });
  expect(overhang.left).toBeLessThanOrEqual(0);
  expect(overhang.right).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.close();
});

test('a German page (its <html lang>) gets German, through Tally.mount without a locale', async () => {
  const host = await startHostPage();
  const billing = await startServer({ env: { TALLY_CORS_ORIGINS: host.origin } });
  try {
    host.serve({ billingUrl: billing.url, token: billing.demo.ada.token, pageLang: 'de' });
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 1400 } });
    await page.goto(`${host.origin}/module`);
    await expect.poll(() => available(page).textContent(), PATIENT).toBe('4.570');
    const panel = widget(page);
    await panel.getByRole('region', { name: 'Credit-Guthaben' }).waitFor(PATIENT);
    await panel.getByRole('heading', { name: 'Reicht für' }).waitFor(PATIENT);
    expect(await panel.getByText('3.515 × Smart Crop').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  } finally {
    await Promise.all([billing.stop(), host.close()]);
  }
});
