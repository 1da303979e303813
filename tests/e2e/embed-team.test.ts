// The embedded widget's team part in a real Chromium: Milo, signed in to the demo editor, asks
// Ada to upgrade; once she approves, his widget shows the new plan and what became of his ask.
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApiClient } from '../../lib/api/index.ts';
import { widget } from '../embed/shadow.ts';
import { seriousViolations } from '../support/axe.ts';
import { CHROMIUM_ARGS } from '../support/browser.ts';
import { startServer, type TestServer } from '../support/server.ts';

const PATIENT = { timeout: 15_000 };
let server: TestServer;
let browser: Browser;
let editor: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startServer(),
    chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS }),
  ]);
  editor = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await editor.goto(`${server.url}/editor?mode=embed&as=milo`);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('Milo asks from the widget; Ada approves; the widget shows Scale', async () => {
  const panel = widget(editor);
  const ask = panel.getByRole('button', { name: 'Ask Ada to upgrade to Scale' });
  await ask.waitFor(PATIENT);
  expect(await seriousViolations(editor)).toEqual([]);
  await ask.click();
  await expect
    .poll(() => panel.getByRole('status').allTextContents(), PATIENT)
    .toContain('You asked Ada to upgrade to Scale: waiting for an answer.');

  const ada = createApiClient({ baseUrl: server.url, token: server.demo.ada.token });
  const [open] = (await ada.upgradeRequests('open')).requests;
  expect(open?.planId).toBe('scale');
  await ada.approveUpgradeRequest(open?.id ?? '');

  await expect.poll(() => panel.locator('.t-plan__name').textContent(), PATIENT).toBe('Scale');
  await expect
    .poll(() => panel.getByRole('status').allTextContents(), PATIENT)
    .toContain('Ada approved: the account moved to Scale.');
});
