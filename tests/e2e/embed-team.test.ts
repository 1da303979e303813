// The embedded widget's team part in a real Chromium: Milo and Ada, each signed in to the demo
// editor in embedded mode (the expanded layout). Milo asks Ada to upgrade; Ada's widget shows the
// request live with its preview and she approves; Milo's widget shows the new plan. Ada's widget
// lists the team with what each member used this term.
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { createApiClient } from '../../lib/api/index.ts';
import { formatCredits } from '../../lib/billing/index.ts';
import { widget } from '../embed/shadow.ts';
import { seriousViolations } from '../support/axe.ts';
import { chromiumPerFile, PATIENT } from '../support/chromium-per-file.ts';
import { fieldLooks, wellLaidOut } from '../support/field-look.ts';

const session = chromiumPerFile();
let milo: Page;
let ada: Page;

async function editorAs(as: 'ada' | 'milo'): Promise<Page> {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 1400 } });
  await page.goto(`${session.server.url}/editor?mode=embed&as=${as}`);
  return page;
}

beforeAll(async () => {
  [milo, ada] = await Promise.all([editorAs('milo'), editorAs('ada')]);
});

test('Milo asks from his widget; Ada’s widget shows it live and she approves; Milo’s shows Scale', async () => {
  const mine = widget(milo);
  const ask = mine.getByRole('button', { name: 'Ask Ada to upgrade to Scale' });
  await ask.waitFor(PATIENT);
  const form = mine.getByRole('region', { name: 'Ask for an upgrade' });
  expect(await fieldLooks(form)).toEqual(wellLaidOut(['Plan', 'Note for Ada (optional)']));
  expect(await seriousViolations(milo)).toEqual([]);
  await mine.getByRole('textbox', { name: /Note for Ada/ }).fill('Big catalogue shoot');
  await ask.click();
  await expect
    .poll(() => mine.getByRole('status').allTextContents(), PATIENT)
    .toContain('You asked Ada to upgrade to Scale: waiting for an answer.');

  const request = widget(ada).getByRole('listitem', { name: 'Milo asks for Scale' });
  await request.waitFor(PATIENT);
  expect(await request.textContent()).toContain('“Big catalogue shoot”');
  await expect
    .poll(() => request.getByTestId('plan-change-preview').textContent(), PATIENT)
    .toContain('$500.00');
  expect(await seriousViolations(ada)).toEqual([]);
  await request.getByRole('button', { name: 'Approve · $500.00 today' }).click();

  await expect
    .poll(() => mine.getByRole('status').allTextContents(), PATIENT)
    .toContain('Ada approved: the account moved to Scale.');
  const plan = mine.getByRole('region', { name: 'Plan', exact: true });
  await expect.poll(() => plan.locator('.t-plan__name').textContent(), PATIENT).toBe('Scale');
  await expect.poll(() => request.count(), PATIENT).toBe(0);
});

test('Ada’s widget lists the team with what each member used this term', async () => {
  const miloClient = createApiClient({
    baseUrl: session.server.url,
    token: session.server.demo.milo.token,
  });
  await miloClient.recordUsage({ operation: 'smart-crop', quantity: 10 });
  const adaClient = createApiClient({
    baseUrl: session.server.url,
    token: session.server.demo.ada.token,
  });
  const { members } = await adaClient.members();
  const used = members.find((member) => member.name === 'Milo')?.usedThisCycle ?? '';
  expect(used).not.toBe('0');

  const team = widget(ada).getByRole('region', { name: 'Team' });
  const row = team.getByRole('listitem', { name: 'Milo' });
  await expect
    .poll(() => row.textContent(), PATIENT)
    .toContain(`${formatCredits(used)} used this term`);
  expect(await team.getByRole('listitem', { name: 'Ada' }).textContent()).toContain('(admin)');
  expect(await row.getByRole('button', { name: 'Remove Milo' }).isEnabled()).toBe(true);
  expect(await row.getByRole('button', { name: 'Make Milo an admin' }).isEnabled()).toBe(true);
  // A member's widget shows no team to manage.
  expect(await widget(milo).getByRole('region', { name: 'Team' }).count()).toBe(0);
});
