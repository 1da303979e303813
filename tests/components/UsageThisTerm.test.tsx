// @vitest-environment happy-dom
// "Usage this term" over the model: the chart waits for the catalogue, which gives its stacking
// order and the operations' names, instead of drawing the days in the order of the operations'
// ids and reordering them once the catalogue comes; without a catalogue it draws them by id
// (named from the ids).
import { screen, waitFor } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { UsageThisTerm } from '../../components/UsageThisTerm.tsx';
import type { UsageSummary } from '../../lib/api/schemas/team.ts';
import { demoCatalog } from '../../lib/billing/catalog.ts';
import { snapshotOf } from '../store/fixtures.ts';
import { MemoryCreditSource } from '../store/memory-credit-source.ts';
import { render } from './render.tsx';
import { modelOver } from './started-model.ts';

/** A source whose catalogue comes when the test says, or never. */
class LateCatalog extends MemoryCreditSource {
  private settle: ((arrives: boolean) => void) | null = null;

  override catalog() {
    return new Promise<typeof demoCatalog>((resolve, reject) => {
      this.settle = (arrives) =>
        arrives ? resolve(demoCatalog) : reject(new Error('The catalogue could not be loaded'));
    });
  }

  /** The catalogue arrives (true) or fails (false). */
  answer(arrives: boolean) {
    this.settle?.(arrives);
  }
}

// The fixture's term (Nov 2 to Dec 2, 2026; now Nov 20): Nov 19 with two operations, whose ids
// sort the other way round from the catalogue (Smart Crop, then Background Removal).
const summary: UsageSummary = {
  from: '2026-11-02T09:00:00.000Z',
  to: '2026-12-02T09:00:00.000Z',
  groups: [
    {
      day: '2026-11-19',
      operation: 'background-removal',
      count: 1,
      credits: '2.8',
      overageCredits: '0',
      amountUsd: '0.00',
    },
    {
      day: '2026-11-19',
      operation: 'smart-crop',
      count: 2,
      credits: '2.6',
      overageCredits: '0',
      amountUsd: '0.00',
    },
  ],
};

async function chartOver(source: LateCatalog) {
  const model = await modelOver(source);
  render(<UsageThisTerm model={model} load={async () => summary} />);
}

const nov19 = () =>
  screen
    .getAllByRole('option')
    .map((day) => day.getAttribute('aria-label'))
    .find((name) => name?.startsWith('Nov 19'));

test('the chart waits for the catalogue, then stacks and names in its order', async () => {
  const source = new LateCatalog({ snapshot: snapshotOf() });
  await chartOver(source);
  await screen.findByText('Loading the usage…');
  // The summary is in; without the catalogue the chart is not drawn yet.
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(screen.queryByRole('listbox')).toBeNull();
  source.answer(true);
  await waitFor(() =>
    expect(nov19()).toBe(
      'Nov 19: 5.4 credits (2 Smart Crops, 2.6 credits; 1 Background Removal, 2.8 credits)',
    ),
  );
});

test('a catalogue that cannot come leaves the chart in the order of the ids', async () => {
  const source = new LateCatalog({ snapshot: snapshotOf() });
  await chartOver(source);
  source.answer(false);
  await waitFor(() =>
    expect(nov19()).toBe(
      'Nov 19: 5.4 credits (1 Background Removal, 2.8 credits; 2 Smart Crops, 2.6 credits)',
    ),
  );
});
