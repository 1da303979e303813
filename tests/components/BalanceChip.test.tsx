// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/preact';
import { expect, test, vi } from 'vitest';
import { BalanceChip } from '../../components/BalanceChip.tsx';
import { render } from './render.tsx';
import { startedModel } from './started-model.ts';

test('shows the available credits in full', async () => {
  const { model } = await startedModel({ available: '4568.7', used: '1.3' });
  render(<BalanceChip model={model} />);
  expect(screen.getByRole('button').textContent).toBe('4,568.7 credits');
});

test('marks a low balance', async () => {
  const { model } = await startedModel({ available: '400', used: '4170' });
  render(<BalanceChip model={model} />);
  const chip = screen.getByRole('button');
  expect(chip.textContent).toBe('400 credits· low');
  expect(chip.className).toContain('t-chip--low');
});

test('offline keeps the cached numbers and says so', async () => {
  const { model, transport } = await startedModel({ available: '500' });
  transport.emit({ kind: 'status', status: 'offline' });
  render(<BalanceChip model={model} />);
  expect(screen.getByRole('button').textContent).toBe('500 credits· offline');
  expect(screen.getByRole('button').title).toMatch(/^Tally: offline since /);
});

test('a refused token shows reconnect instead of numbers that may be wrong', async () => {
  const { model, transport } = await startedModel({ available: '500' });
  transport.emit({ kind: 'status', status: 'unauthorized' });
  render(<BalanceChip model={model} />);
  expect(screen.getByRole('button').textContent).toBe('Reconnect Tally');
  expect(screen.queryByText(/500/)).toBeNull();
});

test('reports whether its panel is open', async () => {
  const { model } = await startedModel();
  render(<BalanceChip model={model} expanded onClick={() => {}} />);
  expect(screen.getByRole('button').getAttribute('aria-expanded')).toBe('true');
});

test('its title ticks only while the pointer is on the chip', async () => {
  vi.useFakeTimers({ now: Date.parse('2026-11-20T10:42:00.000Z') });
  try {
    const { model } = await startedModel({ available: '500' }, '2026-11-20T10:42:00.000Z');
    render(<BalanceChip model={model} />);
    const chip = screen.getByRole('button');
    expect(vi.getTimerCount()).toBe(0);

    fireEvent.pointerEnter(chip);
    await vi.advanceTimersByTimeAsync(3000);
    expect(chip.title).toBe('Tally: synced 3 s ago');

    fireEvent.pointerLeave(chip);
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(0);
  } finally {
    vi.useRealTimers();
  }
});
