// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/preact';
import { expect, test, vi } from 'vitest';
import { Popup } from '../../components/Popup.tsx';
import { createCreditModel } from '../../lib/store/credit-model.ts';
import { localMath } from '../../lib/store/local-math.ts';
import { snapshotOf } from '../store/fixtures.ts';
import { MemoryCreditSource } from '../store/memory-credit-source.ts';
import { english } from '../support/english.ts';
import { render } from './render.tsx';
import { startedModel } from './started-model.ts';

const connect = vi.fn(async () => ({
  member: { name: 'Ada', role: 'admin' as const },
  account: { name: 'Acme Studio' },
}));

test('first paint from the cache, with its age, before the refresh answers', async () => {
  const transport = new MemoryCreditSource({
    snapshot: snapshotOf({ version: 9 }),
    cached: {
      snapshot: snapshotOf({ version: 8, available: '500', used: '4070' }),
      syncedAt: '2026-11-20T10:30:00.000Z',
    },
  });
  transport.refresh = () => new Promise(() => {});
  const model = createCreditModel(transport, {
    math: localMath,
    messages: english,
    clock: () => Date.parse('2026-11-20T10:42:00.000Z'),
  });
  await model.start();
  render(<Popup model={model} onConnect={connect} />);
  expect(screen.getByTestId('available').textContent).toBe('500');
  expect(screen.getByTestId('freshness').textContent).toBe('synced 12 min ago · syncing…');
  expect(screen.getByText('384 Smart Crops')).toBeTruthy();
  expect(screen.getByText('Growth')).toBeTruthy();
  expect(screen.getByText('Ada (admin) · Acme Studio')).toBeTruthy();
  expect(screen.getByText('Nov 2, 2026 – Dec 2, 2026')).toBeTruthy();
  model.dispose();
});

test('every part of the popup is there for an admin', async () => {
  const { model } = await startedModel({ available: '500', used: '4070' });
  render(<Popup model={model} onConnect={connect} />);
  for (const name of [
    'Credit balance',
    'Remaining operations',
    'Basket planner',
    'Plan',
    'Recent activity',
    'Change plan',
  ]) {
    expect(screen.getByRole('region', { name })).toBeTruthy();
  }
  expect(screen.getByTestId('credit-value').textContent).toBe('$0.0547');
});

test('not connected: the connect form and no numbers', async () => {
  const { model, transport } = await startedModel();
  transport.emit({ kind: 'status', status: 'unconfigured' });
  render(<Popup model={model} onConnect={connect} />);
  expect(screen.getByRole('form', { name: 'Connect to Tally' })).toBeTruthy();
  expect(screen.queryByTestId('available')).toBeNull();
});

test('a refused token asks to connect again instead of showing numbers', async () => {
  const { model, transport } = await startedModel();
  transport.emit({ kind: 'status', status: 'unauthorized' });
  render(<Popup model={model} onConnect={connect} />);
  expect(screen.getByRole('alert').textContent).toContain('This token was refused');
  expect(screen.getByRole('form', { name: 'Connect to Tally' })).toBeTruthy();
  expect(screen.queryByText(/4,570/)).toBeNull();
});

test('a revoked token says by name that the access was removed', async () => {
  const { model, transport } = await startedModel();
  transport.emit({
    kind: 'status',
    status: 'unauthorized',
    error: 'Your access to Studio North was removed. Ask its admin for a new token to reconnect.',
  });
  render(<Popup model={model} onConnect={connect} />);
  expect(screen.getByRole('alert').textContent).toMatch(/^Your access to Studio North was removed/);
  expect(screen.queryByText(/4,570/)).toBeNull();
});

test('connection settings open on demand', async () => {
  const { model } = await startedModel();
  render(<Popup model={model} onConnect={connect} />);
  expect(screen.queryByRole('form')).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: 'Connection settings' }));
  expect(screen.getByRole('form', { name: 'Connect to Tally' })).toBeTruthy();
});
