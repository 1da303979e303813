// The embeddable widget's figures (`npx tsx bench/embed.ts`, or `npm run bench embed`; sizes:
// bench/bundle-sizes.ts):
// - hover → cost preview on the demo editor in "Embedded" mode, from the pointerover event's
//   timestamp to the preview in the DOM, with our own share apart (≤ 16 ms p95), see
//   bench/support/hover.ts;
// - time from the script starting to load to the first balance on screen, p50/p95 over
//   EMBED_BENCH_LOADS (default 20) cold loads of a vendor page in a real Chromium on loopback;
// - usage recorded on the server (POST /v1/usage, as another tab or the page's backend would)
//   → the open widget shows the new balance, p50/p95 (budget ≤ 1 s p95).
// Needs `npm run build` first. Prints the figures, then one JSON line.
import { existsSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { createApiClient } from '../lib/api/index.ts';
import { formatCreditAmount } from '../lib/billing/index.ts';
import { startHostPage } from '../tests/embed/host-page.ts';
import { CHROMIUM_ARGS } from '../tests/support/browser.ts';
import { startServer } from '../tests/support/server.ts';
import { describeHovers, type HoverFigures, measureHovers, percentile } from './support/hover.ts';

const LOADS = Number(process.env.EMBED_BENCH_LOADS ?? 20);
const HOVERS = 100;

/**
 * In the page: ms from the embed script's request start to the first balance in its shadow
 * root. A string, not a function: tsx would wrap a function's inner helpers in `__name(…)`,
 * which does not exist in the page.
 */
const FIRST_BALANCE_MS = `new Promise((resolve, reject) => {
  const deadline = performance.now() + 15000;
  const check = () => {
    const host = document.querySelector('tally-credits');
    const figure = host && host.shadowRoot && host.shadowRoot.querySelector('[data-testid="available"]');
    if (figure && figure.textContent) {
      const painted = performance.now();
      const script = performance.getEntriesByType('resource')
        .find((entry) => entry.name.includes('/embed/tally.'));
      resolve(painted - (script ? script.startTime : 0));
    } else if (performance.now() > deadline) {
      reject(new Error('no balance within 15 s'));
    } else {
      requestAnimationFrame(check);
    }
  };
  check();
})`;

const SHOWN = `(expected) => {
  const host = document.querySelector('tally-credits');
  const figure = host && host.shadowRoot && host.shadowRoot.querySelector('[data-testid="available"]');
  return figure && figure.textContent === expected;
}`;

/** Records one Smart Crop at a time from Node; ms until the widget in `page` shows the result. */
async function liveUpdateTimes(page: Page, baseUrl: string, token: string): Promise<number[]> {
  const api = createApiClient({ baseUrl, token });
  const times: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const started = performance.now();
    const { snapshot } = await api.recordUsage({ operation: 'smart-crop', quantity: 1 });
    const expected = formatCreditAmount(snapshot.credits.available);
    await page.waitForFunction(SHOWN, expected, { polling: 'raf', timeout: 10_000 });
    times.push(performance.now() - started);
  }
  return times;
}

/** The demo editor with the embed (not the extension) answering. */
async function hoversInDemoEditor(page: Page, baseUrl: string): Promise<HoverFigures> {
  await page.goto(`${baseUrl}/editor?mode=embed`);
  await page.waitForFunction(`(() => {
    const host = document.querySelector('tally-credits, tally-root');
    const figure = host && host.shadowRoot && host.shadowRoot.querySelector('[data-testid="available"]');
    return figure && figure.textContent;
  })()`);
  const host = await page.evaluate(
    () => document.querySelector('tally-credits, tally-root')?.localName ?? 'tally-credits',
  );
  return measureHovers(page, {
    host,
    operations: ['smart-crop', 'background-removal', 'lifestyle-crop'],
    away: '#photo',
    hovers: HOVERS,
  });
}

async function main() {
  if (!existsSync('dist/embed/tally.js')) {
    throw new Error('No dist/embed/tally.js: run `npm run build:embed` first.');
  }

  const host = await startHostPage();
  const server = await startServer({ env: { TALLY_CORS_ORIGINS: host.origin } });
  host.serve({ billingUrl: server.url, token: server.demo.ada.token, layout: 'expanded' });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const times: number[] = [];
  let live: number[] = [];
  let hover: HoverFigures;
  try {
    const editor = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    hover = await hoversInDemoEditor(editor, server.url);
    await editor.close();
    // One warm-up load (the server's first request compiles nothing, but the OS caches files).
    for (let i = 0; i <= LOADS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(host.origin);
      const ms = (await page.evaluate(FIRST_BALANCE_MS)) as number;
      if (i > 0) times.push(ms);
      if (i < LOADS) await context.close();
      else live = await liveUpdateTimes(page, server.url, server.demo.ada.token);
    }
  } finally {
    await browser.close();
    await Promise.all([server.stop(), host.close()]);
  }
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);

  for (const line of describeHovers(hover, HOVERS)) console.log(line);
  console.log(
    `script load → first balance: p50 ${p50} ms, p95 ${p95} ms over ${times.length} cold loads`,
  );
  const liveP50 = percentile(live, 50);
  const liveP95 = percentile(live, 95);
  console.log(
    `usage recorded → widget shows it: p50 ${liveP50} ms, p95 ${liveP95} ms over ${live.length} (budget ≤ 1000 ms p95)`,
  );
  console.log(
    JSON.stringify({
      bench: 'embed',
      hoverToDomMs: hover.toDom,
      hoverOurShareMs: hover.ours,
      hoverPaintedMs: hover.painted,
      firstBalanceMs: { p50, p95, loads: times.length },
      liveUpdateMs: { p50: liveP50, p95: liveP95, updates: live.length },
    }),
  );
}

await main();
