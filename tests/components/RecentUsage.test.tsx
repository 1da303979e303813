// @vitest-environment happy-dom
import { screen, waitFor } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { RecentUsage } from '../../components/RecentUsage.tsx';
import type { Entry } from '../../lib/api/schemas/entry.ts';
import { snapshotOf } from '../store/fixtures.ts';
import { render } from './render.tsx';
import { startedModel } from './started-model.ts';

function entry(fields: Partial<Entry> & Pick<Entry, 'id' | 'credits' | 'description'>): Entry {
  return {
    at: '2026-11-20T10:40:00.000Z',
    kind: 'usage',
    memberId: 'mem_ada',
    overageCredits: '0',
    amountUsd: '0',
    availableAfter: '0',
    ...fields,
  };
}

test('lists the latest entries with their signed change and charge', async () => {
  const { model, transport } = await startedModel({ available: '137.6' });
  transport.entries = [
    entry({
      id: 'e3',
      credits: '-2',
      description: 'Lifestyle Crop, 2.1 credits overage',
      amountUsd: '0.21',
    }),
    entry({ id: 'e2', credits: '-232.4', description: '83 Background Removals' }),
    entry({
      id: 'e1',
      credits: '4570',
      kind: 'grant',
      description: 'Growth: 4,570 credits granted',
    }),
  ];
  render(<RecentUsage model={model} />);
  await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(3));
  const items = screen.getAllByRole('listitem').map((item) => item.lastElementChild?.textContent);
  expect(items).toEqual(['−2 · $0.21', '−232.4', '+4,570']);
  expect(screen.getByText('83 Background Removals')).toBeTruthy();
});

test('reloads when the account changes version', async () => {
  const { model, transport } = await startedModel({ version: 1 });
  render(<RecentUsage model={model} />);
  await waitFor(() => expect(screen.getByText('Nothing yet this term.')).toBeTruthy());
  transport.entries = [entry({ id: 'e1', credits: '-130', description: '100 Smart Crops' })];
  transport.push(snapshotOf({ version: 2, available: '4440', used: '130' }));
  expect(await screen.findByText('100 Smart Crops')).toBeTruthy();
});
