// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/preact';
import { expect, test, vi } from 'vitest';
import { Freshness } from '../../components/Freshness.tsx';
import { render } from './render.tsx';
import { startedModel } from './started-model.ts';

test('says how long ago the numbers were synced, and moves on', async () => {
  vi.useFakeTimers({ now: Date.parse('2026-11-20T10:42:00.000Z') });
  try {
    const { model } = await startedModel({}, '2026-11-20T10:42:00.000Z');
    render(<Freshness model={model} />);
    vi.advanceTimersByTime(3000);
    await Promise.resolve();
    expect(screen.getByTestId('freshness').textContent).toBe('synced 3 s ago');
  } finally {
    vi.useRealTimers();
  }
});

test('offline offers a retry that refreshes', async () => {
  const { model, transport } = await startedModel({}, '2026-11-20T10:42:00.000Z');
  transport.emit({ kind: 'status', status: 'offline' });
  render(<Freshness model={model} />);
  expect(screen.getByTestId('freshness').textContent).toMatch(/^offline since .*10:42$/);
  fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
  await Promise.resolve();
  expect(model.status.value).toBe('fresh');
});

test('a refused token offers to reconnect', async () => {
  const { model, transport } = await startedModel();
  transport.emit({ kind: 'status', status: 'unauthorized' });
  const onReconnect = vi.fn();
  render(<Freshness model={model} onReconnect={onReconnect} />);
  expect(screen.getByTestId('freshness').textContent).toBe('reconnect needed');
  fireEvent.click(screen.getByRole('button', { name: 'Reconnect' }));
  expect(onReconnect).toHaveBeenCalledOnce();
});
