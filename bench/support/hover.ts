// Hover → cost preview, measured the same way for the extension's widget and the embed, in a
// real Chromium: from the `pointerover` event's timestamp (when the input happened) to the
// preview in the widget's shadow root. Chromium delivers pointer events aligned to frames, so
// most of that span passes before any script runs; our own share (from the event reaching the
// page's first listener to the preview in the DOM) is reported apart.
import type { Page } from 'playwright-core';

export interface HoverOptions {
  /** The widget's host element, whose open shadow root gets the preview. */
  host: string;
  /** Operation ids of `[data-tally-operation]` buttons on the page, hovered in turn. */
  operations: string[];
  /**
   * Runs before each hover, after the pointer moved away; returns the selector to hover
   * instead of the operation's button (a button the page never had, a stopped worker…).
   */
  before?: (index: number) => Promise<string | undefined>;
  /** An element without a preview, to move the pointer to between hovers. */
  away: string;
  hovers: number;
}

export interface HoverFigures {
  /** pointerover timestamp → preview in the DOM (the budget's measure). */
  toDom: Percentiles;
  /** Event dispatched to the page → preview in the DOM: our code only. */
  ours: Percentiles;
  /** pointerover timestamp → the frame after the preview appeared. */
  painted: Percentiles;
}

export interface Percentiles {
  p50: number;
  p95: number;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] ?? Number.NaN) * 10) / 10;
}

const percentiles = (samples: number[]): Percentiles => ({
  p50: percentile(samples, 50),
  p95: percentile(samples, 95),
});

// Source text, not a function: tsx would wrap inner helpers in `__name(…)`, absent in the page.
const probe = (host: string) => `new Promise((resolve) => {
  let input = 0;
  let dispatched = 0;
  const root = document.querySelector(${JSON.stringify(host)}).shadowRoot;
  const over = (event) => {
    if (!(event.target.closest && event.target.closest('[data-tally-operation]'))) return;
    input = event.timeStamp;
    dispatched = performance.now();
  };
  // On window, capturing: it runs before the widget's own pointerover listener on document.
  window.addEventListener('pointerover', over, { capture: true });
  const observer = new MutationObserver(() => {
    if (!input || !root.querySelector('[role=tooltip]')) return;
    const inserted = performance.now();
    observer.disconnect();
    window.removeEventListener('pointerover', over, { capture: true });
    requestAnimationFrame(() =>
      resolve([inserted - input, inserted - dispatched, performance.now() - input]),
    );
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
})`;

export async function measureHovers(page: Page, options: HoverOptions): Promise<HoverFigures> {
  const toDom: number[] = [];
  const ours: number[] = [];
  const painted: number[] = [];
  const away = await page.locator(options.away).boundingBox();
  if (!away) throw new Error(`nothing to move away to: ${options.away}`);
  const noPreview = `!document.querySelector(${JSON.stringify(options.host)})?.shadowRoot?.querySelector('[role=tooltip]')`;
  for (let i = 0; i < options.hovers; i += 1) {
    const operation = options.operations[i % options.operations.length];
    await page.mouse.move(away.x + 10, away.y + 10);
    await page.waitForFunction(noPreview);
    const target = (await options.before?.(i)) ?? `[data-tally-operation="${operation}"]`;
    const box = await page.locator(target).first().boundingBox();
    if (!box) throw new Error(`nothing to hover at ${target}`);
    // Installed (awaited) before the pointer moves, read after.
    await page.evaluate(`window.__tallyHover = ${probe(options.host)}; 0`);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const [dom, own, frame] = await page.evaluate<[number, number, number]>('window.__tallyHover');
    toDom.push(dom);
    ours.push(own);
    painted.push(frame);
  }
  return { toDom: percentiles(toDom), ours: percentiles(ours), painted: percentiles(painted) };
}

/** The lines a benchmark prints for its hover figures. */
export function describeHovers(figures: HoverFigures, hovers: number): string[] {
  const { toDom, ours, painted } = figures;
  return [
    `hover → preview in the DOM (from the pointerover timestamp): p50 ${toDom.p50} ms, p95 ${toDom.p95} ms over ${hovers} (budget p95 ≤ 16 ms)`,
    `  our share (event dispatched → preview in the DOM): p50 ${ours.p50} ms, p95 ${ours.p95} ms; the rest is Chromium aligning input to frames`,
    `  to the next frame after it (painted): p50 ${painted.p50} ms, p95 ${painted.p95} ms`,
  ];
}
