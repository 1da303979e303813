// axe-core run inside the page under test (or one of its frames), as a browser extension or a
// person's assistive technology sees it: shadow roots included.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: {
    id: string;
    impact: string | null;
    nodes: { target: unknown[]; failureSummary?: string }[];
  }[];
}

/**
 * The serious and critical violations axe finds, one line each ("color-contrast: .t-chip …").
 * Injected by evaluation, which an extension page's CSP does not block.
 */
export async function seriousViolations(
  target: Page | Frame,
  options: {
    /** Rules not to run, each for a reason its caller gives. */
    without?: string[];
  } = {},
): Promise<string[]> {
  await target.evaluate(AXE_SOURCE);
  const rules = Object.fromEntries((options.without ?? []).map((id) => [id, { enabled: false }]));
  const result = (await target.evaluate(
    (off) =>
      (window as unknown as { axe: { run(options: object): Promise<unknown> } }).axe.run({
        resultTypes: ['violations'],
        rules: off,
      }),
    rules,
  )) as AxeResult;
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id}: ${JSON.stringify(node.target)} ${node.failureSummary?.split('\n').slice(1).join(' ') ?? ''}`,
      ),
    );
}
