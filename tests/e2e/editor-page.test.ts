// The demo editor page in a real Chromium against the real server, with no Tally widget (the
// extension-less visitor) and with a stand-in widget answering the page protocol.
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { Decimal } from '../../lib/billing/decimal.ts';
import { formatCredits } from '../../lib/billing/format.ts';
import { chromiumPerFile } from '../support/chromium-per-file.ts';

const session = chromiumPerFile();
let page: Page;

beforeAll(async () => {
  page = await session.browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(`${session.server.url}/editor?mode=extension&as=milo`);
  await page.locator('#account[data-loaded="true"]').waitFor();
});

async function available(): Promise<string> {
  const response = await fetch(`${session.server.url}/v1/me`, {
    headers: { authorization: `Bearer ${session.server.demo.ada.token}` },
  });
  return ((await response.json()) as { credits: { available: string } }).credits.available;
}

const status = () => page.locator('#op-status');
const photoSize = () =>
  page.evaluate(() => {
    const canvas = document.getElementById('photo') as HTMLCanvasElement;
    return { width: canvas.width, height: canvas.height };
  });

async function run(operation: string, quantity: number) {
  await page.fill('#quantity', String(quantity));
  await page.click(`button[data-tally-operation="${operation}"]`);
  await page.locator('#op-status:not([data-tone="busy"])').waitFor({ timeout: 10_000 });
}

test('without a widget, an operation that fits runs: the picture changes and 1.3 credits are used', async () => {
  const before = await available();
  expect(await photoSize()).toEqual({ width: 960, height: 640 });

  await run('smart-crop', 1);

  await expect(status().textContent()).resolves.toContain('Smart Crop × 1 done: 1.3 credits');
  const after = await photoSize();
  expect(after.width).toBe(after.height);
  expect(after.width).toBeLessThan(640);
  expect(new Decimal(before).minus(await available()).toString()).toBe('1.3');
  const balance = await page.locator('[data-field="available"]').textContent();
  expect(balance?.replace(/,/g, '')).toBe(await available());
  await expect(page.locator('#activity li').first().textContent()).resolves.toMatch(
    /Smart Crop × 1.*1\.3 credits · as Milo · no Tally widget answered/,
  );
});

test('background removal leaves the backdrop transparent and the product opaque', async () => {
  await run('background-removal', 1);

  const alpha = await page.evaluate(() => {
    const canvas = document.getElementById('photo') as HTMLCanvasElement;
    const ctx = canvas.getContext('2d')!;
    const at = (x: number, y: number) => ctx.getImageData(x, y, 1, 1).data[3];
    return { corner: at(3, 3), centre: at(canvas.width / 2, canvas.height / 2) };
  });
  expect(alpha).toEqual({ corner: 0, centre: 255 });
});

test('without a widget, an operation past the credits is the server’s 402, said plainly', async () => {
  const before = await available();
  const sizeBefore = await photoSize();

  await run('lifestyle-crop', 10_000);

  // 10,000 Lifestyle Crops cost 41,000 credits; the shortfall is what the plan cannot cover.
  const shortfall = formatCredits(new Decimal('41000').minus(before).toString());
  await expect(status().textContent()).resolves.toBe(
    `Not enough credits: ${shortfall} more needed — install Tally or enable the embedded widget to choose.`,
  );
  expect(await available()).toBe(before);
  expect(await photoSize()).toEqual(sizeBefore);
});

test('a widget’s cancel stops the operation before the backend is asked', async () => {
  await page.click('#reset');
  // A stand-in widget speaking the page protocol: it takes each request, then cancels it.
  await page.evaluate(() => {
    document.addEventListener('tally:preflight', (event) => {
      const { id } = JSON.parse((event as CustomEvent).detail as string);
      const send = (name: string, detail: unknown) =>
        document.dispatchEvent(new CustomEvent(name, { detail: JSON.stringify(detail) }));
      send('tally:preflight-received', { id, kind: 'extension' });
      const quote = { operation: 'smart-crop', quantity: 1, credits: '1.3', outcome: 'covered' };
      queueMicrotask(() =>
        send('tally:decision', { id, decision: 'cancel', overage: false, quote }),
      );
    });
  });
  const before = await available();

  await run('smart-crop', 1);

  await expect(status().textContent()).resolves.toBe(
    'Smart Crop × 1: cancelled in Tally. Nothing was charged.',
  );
  expect(await photoSize()).toEqual({ width: 960, height: 640 });
  expect(await available()).toBe(before);
});

test('below 900 px wide the image no longer sticks over the Operations card', async () => {
  const narrow = await session.browser.newPage({ viewport: { width: 800, height: 860 } });
  await narrow.goto(`${session.server.url}/editor?mode=extension&as=milo`);
  const operations = narrow.getByRole('region', { name: 'Operations' });
  await operations.scrollIntoViewIfNeeded();
  const image = narrow.getByRole('region', { name: 'Image' });
  expect(await image.evaluate((element) => getComputedStyle(element).position)).toBe('static');
  const [imageBox, operationsBox] = await Promise.all([
    image.boundingBox(),
    operations.boundingBox(),
  ]);
  expect(imageBox!.y + imageBox!.height).toBeLessThanOrEqual(operationsBox!.y);
  await narrow.close();
});

test('"The account could not be loaded" goes away once the server is back', async () => {
  await session.server.kill();
  await expect
    .poll(() => status().textContent(), { timeout: 15_000 })
    .toContain('The account could not be loaded');
  await session.server.restart();
  await expect.poll(() => status().textContent(), { timeout: 15_000 }).toBe('');
});
