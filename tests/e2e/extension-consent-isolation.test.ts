// The extension's consent dialog is Tally's own page framed over the editor: a hostile editor
// page can restyle and rewrite everything it reaches, and frame the consent page itself, and
// still neither changes what the dialog says nor gets a dialog it can act on.
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApiClient } from '../../lib/api/client.ts';
import {
  actInConsent,
  chooseInConsent,
  connectInPopup,
  consentFrame,
  consentFrames,
  type ExtensionBrowser,
  launchWithExtension,
} from '../support/browser.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let browser: ExtensionBrowser;
let editor: Page;

const PALETTE = [
  'bg',
  'fg',
  'muted',
  'surface',
  'line',
  'accent',
  'accent-fg',
  'accent-soft',
  'held',
  'warn',
  'warn-soft',
  'ok',
];

beforeAll(async () => {
  server = await startServer();
  browser = await launchWithExtension();
  const popup = await browser.openPopup();
  await connectInPopup(popup, server.url, server.demo.ada.token);
  // Growth's 4,570 credits down to exactly 0: 1,114 × 4.1 + 2 × 1.3.
  const ada = createApiClient({ baseUrl: server.url, getToken: () => server.demo.ada.token });
  await ada.recordUsage({ operation: 'lifestyle-crop', quantity: 1114 });
  await ada.recordUsage({ operation: 'smart-crop', quantity: 2 });
  editor = await browser.context.newPage();
  await editor.goto(`${server.url}/editor`);
  await editor
    .getByTestId('chip-label')
    .filter({ hasText: /^No credits left$/ })
    .waitFor({ timeout: 10_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The page's worst: every `--tally-*` colour on itself and on Tally's hosts, every text rewritten. */
async function turnHostile(page: Page) {
  await page.evaluate((names) => {
    const css = names.map((name) => `--tally-${name}: rgb(255, 0, 255) !important;`).join(' ');
    const style = document.createElement('style');
    style.textContent = `:root, tally-widget, tally-consent, * { ${css} }`;
    document.head.append(style);
    const rewrite = (root: Node) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.textContent?.includes('$')) node.textContent = 'Cancel';
      }
      for (const element of (root as ParentNode).querySelectorAll?.('*') ?? []) {
        if (element.shadowRoot) rewrite(element.shadowRoot);
      }
    };
    new MutationObserver(() => rewrite(document)).observe(document, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  }, PALETTE);
}

test('a page that sets every --tally-* colour and rewrites every text it reaches does not change the dialog', async () => {
  await turnHostile(editor);
  await editor.locator('button[data-tally-operation="lifestyle-crop"]').click();
  const frame = await consentFrame(editor);
  const pay = frame.getByRole('button', { name: 'Pay $0.41 overage and continue' });
  await pay.waitFor();
  expect(await frame.getByRole('dialog').textContent()).toContain('Short by4.1 credits');
  const colours = await pay.evaluate((button) => {
    const style = getComputedStyle(button);
    return [style.color, style.backgroundColor];
  });
  expect(colours).not.toContain('rgb(255, 0, 255)');
  // The frame's host is all the page sees: its shadow root is closed.
  expect(await editor.evaluate(() => document.querySelector('tally-consent')?.shadowRoot)).toBe(
    null,
  );
  // The chip keeps Tally's palette too.
  const chipColour = await editor
    .locator('tally-widget')
    .getByTestId('chip-label')
    .evaluate((label) => getComputedStyle(label).color);
  expect(chipColour).not.toBe('rgb(255, 0, 255)');
  await chooseInConsent(editor, 'Cancel');
  await expect.poll(() => consentFrames(editor)).toBe(0);
});

test('a page that frames the consent page itself, even with a live request id, gets nothing to act on', async () => {
  await editor.reload();
  await editor.locator('button[data-tally-operation="lifestyle-crop"]').click();
  const real = await consentFrame(editor);
  await real.getByRole('button', { name: 'Pay $0.41 overage and continue' }).waitFor();
  const requestId = new URL(real.url()).hash.slice(1);
  const framed = async (url: string): Promise<Frame> => {
    const before = new Set(editor.frames());
    const attached = editor.waitForEvent('frameattached', {
      predicate: (frame) => !before.has(frame),
    });
    await editor.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      document.body.append(frame);
    }, url);
    const frame = await attached;
    await frame.waitForLoadState('domcontentloaded');
    return frame;
  };

  // The extension's fixed URL does not load in a page at all: only the per-session one does.
  const fixed = await framed(real.url());
  expect(fixed.url()).not.toContain('consent.html');
  expect(await fixed.getByRole('button').count()).toBe(0);

  // The worst case: the page learnt the per-session URL and the live request id.
  const worker = await browser.serviceWorker();
  const sessionUrl = await worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { getURL(path: string): string } } }
    ).chrome.runtime.getURL('consent.html'),
  );
  expect(sessionUrl).not.toContain(browser.extensionId);
  for (const id of [requestId, crypto.randomUUID()]) {
    const copy = await framed(`${sessionUrl}#${id}`);
    await expect
      .poll(() => copy.getByRole('alert').textContent(), { timeout: 10_000 })
      .toContain('This request is no longer open');
    expect(await copy.getByRole('button').count()).toBe(0);
  }

  // The real dialog is still the one that answers.
  await chooseInConsent(editor, 'Cancel');
  await expect.poll(() => real.isDetached()).toBe(true);
});

test('by keyboard: focus starts on Cancel in the frame, Escape cancels and focus returns to the button', async () => {
  await editor.reload();
  const button = editor.locator('button[data-tally-operation="lifestyle-crop"]');
  await button.focus();
  await editor.keyboard.press('Enter');
  const frame = await consentFrame(editor);
  await expect
    .poll(() => frame.evaluate(() => document.activeElement?.textContent), { timeout: 10_000 })
    .toBe('Cancel');
  await actInConsent(editor, frame, () => editor.keyboard.press('Escape'));
  await expect.poll(() => frame.isDetached(), { timeout: 10_000 }).toBe(true);
  await expect
    .poll(() => editor.locator('#op-status').textContent(), { timeout: 10_000 })
    .toContain('cancelled in Tally');
  await expect
    .poll(() => editor.evaluate(() => document.activeElement?.getAttribute('data-tally-operation')))
    .toBe('lifestyle-crop');
});

test('a page layer laid over the frame (letting clicks through) makes its buttons do nothing', async () => {
  await editor.reload();
  await editor.locator('button[data-tally-operation="lifestyle-crop"]').click();
  const frame = await consentFrame(editor);
  await frame.getByRole('button', { name: 'Pay $0.41 overage and continue' }).waitFor();
  // Opened after Tally's dialog, the page's popover is above it in the top layer.
  await editor.evaluate(() => {
    const cover = document.createElement('div');
    cover.id = 'cover';
    cover.popover = 'manual';
    cover.textContent = 'Cancel';
    cover.style.cssText =
      'inset: 0; width: 100vw; height: 100vh; opacity: 0.3; pointer-events: none;';
    document.body.append(cover);
    cover.showPopover();
  });
  await chooseInConsent(editor, 'Pay $0.41 overage and continue');
  expect(frame.isDetached()).toBe(false);

  // Uncovered, the dialog answers again; its answer is the user's Cancel, not the covered Pay.
  await editor.evaluate(() => document.getElementById('cover')?.remove());
  await chooseInConsent(editor, 'Cancel');
  await expect
    .poll(() => editor.locator('#op-status').textContent(), { timeout: 10_000 })
    .toContain('cancelled in Tally');
});
