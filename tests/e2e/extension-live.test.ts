// The extension in a real Chromium against the real server and its demo editor: connect in the
// popup, the in-page chip and hover previews, live updates without reload, a stopped service
// worker, the server going away and coming back, and the token never leaving the worker.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { connectInPopup, postedPortMessages, recordPortMessages } from '../support/browser.ts';
import { extensionPerFile } from '../support/extension-per-file.ts';

const session = extensionPerFile();
let editor: Page;

const chipLabel = (page: Page) => page.getByTestId('chip-label');
const chipText = (page: Page) => page.locator('tally-widget').locator('.t-chip');

test('Connect in the popup validates the token with GET /v1/me and shows the balance', async () => {
  await connectInPopup(session.popup, session.server.url, session.server.demo.ada.token);
  await expect
    .poll(() => session.popup.textContent('body'))
    .toContain('Ada (admin) · Studio North');
  await expect.poll(() => session.popup.textContent('body')).toContain('4,570');
  // The toolbar badge: 4,570 in short form.
  const worker = await session.browser.serviceWorker();
  const badge = () =>
    worker.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { action: { getBadgeText(details: object): Promise<string> } };
        }
      ).chrome.action.getBadgeText({}),
    );
  await expect.poll(badge).toBe('4.5k');
});

test('the demo editor shows the balance chip and a cost preview on hover, with no network', async () => {
  editor = await session.browser.context.newPage();
  await editor.goto(`${session.server.url}/editor`);
  await expect.poll(() => chipLabel(editor).textContent()).toBe('4,570 credits');

  const requests: string[] = [];
  editor.on('request', (request) => requests.push(request.url()));
  await editor.locator('button[data-tally-operation="smart-crop"]').hover();
  const preview = editor.getByRole('tooltip');
  await expect.poll(() => preview.textContent()).toContain('1.3 credits');
  // Growth: 1.3 × $0.0547… = $0.0711; 4,570 − 1.3 = 4,568.7 left.
  expect(await preview.textContent()).toContain('$0.0711');
  expect(await preview.textContent()).toContain('4,568.7');
  // Announced to screen readers from a polite live region in the widget.
  const announced = editor.locator('tally-widget').getByTestId('preview-announcement');
  expect(await announced.getAttribute('aria-live')).toBe('polite');
  expect(await announced.textContent()).toBe(await preview.textContent());
  expect(requests).toEqual([]);
});

test('the chip opens its panel; Escape and a click outside close it', async () => {
  const chip = editor.locator('tally-widget').getByRole('button', { expanded: false });
  const panel = editor.locator('tally-widget').locator('.t-panel');
  await chip.click();
  await expect.poll(() => panel.count()).toBe(1);
  await editor.keyboard.press('Escape');
  await expect.poll(() => panel.count()).toBe(0);
  await chip.click();
  await expect.poll(() => panel.count()).toBe(1);
  await editor.mouse.click(5, 5);
  await expect.poll(() => panel.count()).toBe(0);
});

test('the chip moves off what it covers (arrow keys on its grip) and stays there after a reload', async () => {
  const chip = () => editor.locator('tally-widget').getByRole('button', { expanded: false });
  const before = await chip().boundingBox();
  await editor
    .locator('tally-widget')
    .getByRole('button', { name: 'Move Tally (arrow keys)' })
    .focus();
  for (const key of ['ArrowUp', 'ArrowUp', 'ArrowLeft']) await editor.keyboard.press(key);
  await expect.poll(async () => (await chip().boundingBox())?.y).toBe(before!.y - 48);
  expect((await chip().boundingBox())?.x).toBe(before!.x - 24);
  await editor.reload();
  await expect
    .poll(async () => (await chip().boundingBox())?.y, { timeout: 10_000 })
    .toBe(before!.y - 48);
  expect((await chip().boundingBox())?.x).toBe(before!.x - 24);
});

test('an operation the page records updates the chip and the open popup without reload', async () => {
  await editor.locator('button[data-tally-operation="smart-crop"]').click();
  await expect
    .poll(() => chipLabel(editor).textContent(), { timeout: 5_000 })
    .toBe('4,568.7 credits');
  await expect
    .poll(() => session.popup.textContent('body'), { timeout: 5_000 })
    .toContain('4,568.7');
});

test('after Chrome stops the service worker, the next operation still updates everything', async () => {
  const marked = () =>
    session.browser
      .serviceWorker()
      .then((worker) => worker.evaluate(() => 'tallyTestMark' in globalThis));
  await (await session.browser.serviceWorker()).evaluate(() => {
    (globalThis as Record<string, unknown>).tallyTestMark = true;
  });
  expect(await marked()).toBe(true);
  await session.browser.stopServiceWorker();
  await editor.locator('button[data-tally-operation="background-removal"]').click();
  // 4,568.7 − 2.8
  await expect
    .poll(() => chipLabel(editor).textContent(), { timeout: 10_000 })
    .toBe('4,565.9 credits');
  await expect
    .poll(() => session.popup.textContent('body'), { timeout: 5_000 })
    .toContain('4,565.9');
  // A new worker answered (a fresh global scope): its state came from storage.
  await expect.poll(marked, { timeout: 5_000 }).toBe(false);
});

test('with the server gone the UI says offline and keeps the cached numbers; it recovers', async () => {
  await session.server.kill();
  await expect.poll(() => chipText(editor).textContent(), { timeout: 15_000 }).toContain('offline');
  expect(await chipLabel(editor).textContent()).toBe('4,565.9 credits');
  await expect
    .poll(() => session.popup.getByTestId('freshness').textContent(), { timeout: 15_000 })
    .toContain('offline');
  // A preview from the cached snapshot says how old its numbers are.
  await editor.locator('button[data-tally-operation="smart-crop"]').hover();
  await expect
    .poll(() => editor.getByRole('tooltip').textContent())
    .toMatch(/credits left · as of \d\d:\d\d$/);
  await editor.mouse.move(1, 1);

  await session.server.restart();
  await expect
    .poll(() => chipText(editor).textContent(), { timeout: 20_000 })
    .not.toContain('offline');
  await expect
    .poll(() => session.popup.getByTestId('freshness').textContent(), { timeout: 20_000 })
    .toContain('synced');
  await editor.locator('button[data-tally-operation="smart-crop"]').click();
  await expect
    .poll(() => chipLabel(editor).textContent(), { timeout: 5_000 })
    .toBe('4,564.6 credits');
});

test('the token never reaches the page, the content script storage or a port message', async () => {
  const token = session.server.demo.ada.token;
  await recordPortMessages(await session.browser.serviceWorker());
  await editor.reload();
  await session.popup.reload();
  await expect
    .poll(() => chipLabel(editor).textContent(), { timeout: 10_000 })
    .toContain('credits');
  await editor.locator('button[data-tally-operation="smart-crop"]').click();
  await expect
    .poll(() => chipLabel(editor).textContent(), { timeout: 5_000 })
    .toBe('4,563.3 credits');
  const posted = await postedPortMessages(await session.browser.serviceWorker());
  // The recording saw real traffic (state pushes carrying the snapshot), or it proves nothing.
  expect(posted.some((message) => message.includes('"type":"state"'))).toBe(true);
  expect(posted.filter((message) => message.includes(token))).toEqual([]);

  const pageText = await editor.evaluate(() => {
    const host = document.querySelector('tally-widget');
    return [
      document.documentElement.outerHTML,
      host?.shadowRoot?.innerHTML ?? '',
      JSON.stringify({ ...localStorage }),
      JSON.stringify({ ...sessionStorage }),
      document.cookie,
    ].join('\n');
  });
  expect(pageText.length).toBeGreaterThan(1000);
  expect(pageText).not.toContain(token);

  const worker = await session.browser.serviceWorker();
  const storage = await worker.evaluate(async () => {
    const scope = globalThis as unknown as {
      chrome: { storage: { local: { get(keys: null): Promise<object> } } };
    };
    return JSON.stringify(await scope.chrome.storage.local.get(null));
  });
  expect(storage).toContain('"snapshot"');
  expect(storage).not.toContain(token);
});
