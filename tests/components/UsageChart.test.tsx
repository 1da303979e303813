// @vitest-environment happy-dom
// The usage chart takes plain data (the embed mounts it the same way): days as named options,
// the readout on focus, the table behind its toggle.
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { UsageChart } from '../../components/UsageChart.tsx';
import { render } from './render.tsx';

afterEach(cleanup);

const operations = [
  { id: 'smart-crop', name: 'Smart Crop' },
  { id: 'background-removal', name: 'Background Removal' },
];
const data = {
  from: '2026-12-01T00:00:00.000Z',
  to: '2027-01-01T00:00:00.000Z',
  granted: '4570',
  now: '2026-12-02T12:00:00.000Z',
  order: ['smart-crop', 'background-removal'],
  groups: [
    {
      day: '2026-12-02',
      operation: 'background-removal',
      count: 2,
      credits: '5.6',
      overageCredits: '0',
      amountUsd: '0.00',
    },
  ],
};

test('each day up to today is an option named with its numbers; today is the Tab stop', () => {
  render(<UsageChart title="Your usage" data={data} operations={operations} />);
  const days = screen.getAllByRole('option');
  expect(days.map((day) => day.getAttribute('aria-label'))).toEqual([
    'Dec 1: 0 credits',
    'Dec 2, today: 5.6 credits (2 Background Removals, 5.6 credits)',
  ]);
  expect(days.map((day) => day.tabIndex)).toEqual([-1, 0]);
  fireEvent.focus(days[1] as HTMLElement);
  expect(screen.getByRole('tooltip').textContent).toBe(
    'Dec 2, today · 5.6 credits2 Background Removals5.6 credits',
  );
  fireEvent.keyDown(days[1] as HTMLElement, { key: 'ArrowLeft' });
  expect(screen.getAllByRole('option').map((day) => day.tabIndex)).toEqual([0, -1]);
});

test('"Show as table" swaps the chart for a table of the same numbers, and back', () => {
  render(<UsageChart title="Your usage" data={data} operations={operations} />);
  fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
  expect(screen.queryByRole('listbox')).toBeNull();
  const rows = screen
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
  expect(rows).toEqual([
    ['Day', 'Background Removal', 'Total'],
    ['Dec 1', '0', '0'],
    ['Dec 2 (today)', '5.6 (2)', '5.6'],
    ['This term', '5.6 (2)', '5.6'],
  ]);
  fireEvent.click(screen.getByRole('button', { name: 'Show as chart' }));
  expect(screen.getByRole('listbox', { name: 'Your usage, credits per day' })).toBeTruthy();
});

test('before the term starts there is no day to focus', () => {
  render(
    <UsageChart
      title="Your usage"
      data={{ ...data, groups: [], now: '2026-11-30T12:00:00.000Z' }}
      operations={operations}
    />,
  );
  expect(screen.queryByRole('listbox')).toBeNull();
  expect(screen.getByText('0 credits so far')).toBeTruthy();
});
