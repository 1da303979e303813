// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { expect, test, vi } from 'vitest';
import { PlanChange } from '../../components/PlanChange.tsx';
import { render } from './render.tsx';
import { startedModel, trustedClick } from './started-model.ts';

// docs/billing.md: Growth with 400 credits left, change to the $100 plan on May 8.
const MAY_8 = '2026-05-08T12:00:00.000Z';
const growthWith400 = {
  plan: 'growth',
  available: '400',
  used: '4170',
  cycle: { start: '2026-04-20T09:00:00.000Z', end: '2026-05-20T09:00:00.000Z' },
};

function facts() {
  const preview = screen.getByTestId('plan-change-preview');
  return [...preview.querySelectorAll('div')].map(
    (row) => `${row.querySelector('dt')?.textContent}: ${row.querySelector('dd')?.textContent}`,
  );
}

test('an admin previews Growth → Starter: $100 today, 2,100 credits after, renews Jun 8', async () => {
  const { model } = await startedModel(growthWith400, MAY_8);
  render(<PlanChange model={model} />);
  expect(screen.queryByRole('radio', { name: /^Growth/ })).toBeNull();
  fireEvent.click(screen.getByRole('radio', { name: /^Starter/ }));
  await screen.findByTestId('plan-change-preview');
  expect(facts()).toEqual([
    'Charge today: $100.00',
    'Credits rolled over: 400',
    'Credits after: 2,100',
    'Next renewal: Jun 8, 2026',
  ]);
});

test('confirming needs a trusted click, then the plan changes', async () => {
  const { model, transport } = await startedModel(growthWith400, MAY_8);
  const changes = vi.spyOn(transport, 'changePlan');
  render(<PlanChange model={model} />);
  fireEvent.click(screen.getByRole('radio', { name: /^Starter/ }));
  const confirm = await screen.findByRole('button', { name: 'Change to Starter · $100.00 today' });
  fireEvent.click(confirm);
  expect(model.snapshot.value?.plan.id).toBe('growth');
  trustedClick(confirm);
  await waitFor(() =>
    expect(screen.getByRole('status').textContent).toBe('You are on Starter now.'),
  );
  // The untrusted click sent nothing: the one change is the trusted click's.
  expect(changes).toHaveBeenCalledTimes(1);
  expect(model.snapshot.value?.plan.id).toBe('starter');
  expect(model.balance.value?.available).toBe('2100');
});

test('to the free plan: nothing charged, the credits kept until the term ends, then 25 a month', async () => {
  const { model } = await startedModel(growthWith400, MAY_8);
  render(<PlanChange model={model} />);
  fireEvent.click(screen.getByRole('radio', { name: /^Free/ }));
  await screen.findByTestId('plan-change-preview');
  expect(facts()).toEqual([
    'Charge today: nothing',
    'Your credits: 400 credits, usable until May 20, 2026',
    'From May 20, 2026: 25 credits a month on Free',
  ]);
});

test('a member is told whom to ask', async () => {
  const { model } = await startedModel({ role: 'member' });
  render(<PlanChange model={model} />);
  expect(screen.getByText('Ask Ada (admin) to change the plan.')).toBeTruthy();
  expect(screen.queryByRole('radio')).toBeNull();
});
