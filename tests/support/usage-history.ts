// A known usage history on the dev clock, and what the usage chart shows of it, for the chart's
// end-to-end tests (the popup's and the embed's): Studio West on Growth (4,570 credits), its term December 2026. Credits per
// operation: Smart Crop 1.3, Background Removal 2.8, Lifestyle Crop 4.1.
//   Dec 1  Ada  40 Smart Crops (52) + 12 Background Removals (33.6)   = 85.6
//   Dec 2  nothing                                                      = 0
//   Dec 3  Ada  10 Lifestyle Crops (41); Milo 5 Smart Crops (6.5)       = 47.5
//   Dec 4  Ada  3 Smart Crops (3.9); Milo 1 Background Removal (2.8)    = 6.7 (today)
import type { Locator, Page } from 'playwright-core';
import { type ApiClient, createApiClient } from '../../lib/api/client.ts';
import { seriousViolations } from './axe.ts';
import { createAccount, type TestServer } from './server.ts';

export interface UsageHistory {
  /** Ada, the admin, to record more usage with. */
  ada: ApiClient;
  adaToken: string;
  miloToken: string;
}

/** Sets the server's dev clock (started with `devClock: true`) and records the history above. */
export async function recordUsageHistory(server: TestServer): Promise<UsageHistory> {
  const clientOf = (token: string) =>
    createApiClient({ baseUrl: server.url, getToken: () => token });
  const operator = clientOf(server.operatorKey);
  await operator.setDevClock({ now: '2026-12-01T00:00:00.000Z' });
  const { members } = await createAccount(server, {
    name: 'Studio West',
    planId: 'growth',
    members: [
      { name: 'Ada', role: 'admin' },
      { name: 'Milo', role: 'member' },
    ],
  });
  const [adaMember, miloMember] = members;
  if (!adaMember || !miloMember) throw new Error('the account has no members');
  const ada = clientOf(adaMember.token);
  const milo = clientOf(miloMember.token);
  await operator.setDevClock({ advance: 'PT10H' });
  await ada.recordUsage({ operation: 'smart-crop', quantity: 40 });
  await ada.recordUsage({ operation: 'background-removal', quantity: 12 });
  await operator.setDevClock({ advance: 'P2D' });
  await ada.recordUsage({ operation: 'lifestyle-crop', quantity: 10 });
  await milo.recordUsage({ operation: 'smart-crop', quantity: 5 });
  await operator.setDevClock({ advance: 'P1D' });
  await ada.recordUsage({ operation: 'smart-crop', quantity: 3 });
  await milo.recordUsage({ operation: 'background-removal', quantity: 1 });
  return { ada, adaToken: adaMember.token, miloToken: miloMember.token };
}

/** Ada's view of the history (the account's usage): each day's accessible name, in order. */
export const HISTORY_DAY_NAMES = [
  'Dec 1: 85.6 credits (40 Smart Crops, 52 credits; 12 Background Removals, 33.6 credits)',
  'Dec 2: 0 credits',
  'Dec 3: 47.5 credits (5 Smart Crops, 6.5 credits; 10 Lifestyle Crops, 41 credits)',
  'Dec 4, today: 6.7 credits (3 Smart Crops, 3.9 credits; 1 Background Removal, 2.8 credits)',
];

/** Ada's view as "Show as table" gives it: the cells' text, row by row. */
export const HISTORY_TABLE_ROWS = [
  ['Day', 'Smart Crop', 'Background Removal', 'Lifestyle Crop', 'Total'],
  ['Dec 1', '52 (40)', '33.6 (12)', '0', '85.6'],
  ['Dec 2', '0', '0', '0', '0'],
  ['Dec 3', '6.5 (5)', '0', '41 (10)', '47.5'],
  ['Dec 4 (today)', '3.9 (3)', '2.8 (1)', '0', '6.7'],
  ['This term', '62.4 (48)', '36.4 (13)', '41 (10)', '139.8'],
];

/** Today's accessible name once Ada records 2 more Lifestyle Crops (8.2 credits). */
export const TODAY_AFTER_TWO_LIFESTYLE_CROPS =
  'Dec 4, today: 14.9 credits (3 Smart Crops, 3.9 credits; 1 Background Removal, 2.8 credits; 2 Lifestyle Crops, 8.2 credits)';

/** The accessible names of a listbox's days, in order. */
export function dayNames(listbox: Locator): Promise<(string | null)[]> {
  return listbox
    .getByRole('option')
    .evaluateAll((options) => options.map((option) => option.getAttribute('aria-label')));
}

/** A table's cells' text, row by row. */
export function tableRows(table: Locator): Promise<(string | null)[][]> {
  return table
    .getByRole('row')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent)),
    );
}

/**
 * axe's serious violations on `page`, with the readout of Dec 3 showing in the chart of
 * `section`, then with its table (the chart is shown again after).
 */
export async function chartViolations(page: Page, section: Locator): Promise<string[]> {
  await section.getByRole('option', { name: /^Dec 3:/ }).hover();
  await section.getByRole('tooltip').waitFor();
  const withReadout = await seriousViolations(page);
  await section.getByRole('button', { name: 'Show as table' }).click();
  const withTable = await seriousViolations(page);
  await section.getByRole('button', { name: 'Show as chart' }).click();
  return [...withReadout, ...withTable];
}
