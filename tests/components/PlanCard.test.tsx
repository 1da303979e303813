// @vitest-environment happy-dom
import { screen } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { PlanCard } from '../../components/PlanCard.tsx';
import { render } from './render.tsx';
import { startedModel } from './started-model.ts';

test('Growth: $250 against a $500 list price, a credit worth $0.0547', async () => {
  const { model } = await startedModel({ plan: 'growth' });
  const { container } = render(<PlanCard model={model} />);
  expect(screen.getByText('Growth')).toBeTruthy();
  expect(screen.getByText('$250.00')).toBeTruthy();
  expect(container.querySelector('s')?.textContent).toBe('list price $500.00');
  expect(screen.getByTestId('credit-value').textContent).toBe('$0.0547');
  expect(screen.getByText('4,570')).toBeTruthy();
  expect(screen.getByText('$0.10 / credit')).toBeTruthy();
});

test('the free plan has no list price to strike and no overage', async () => {
  const { model } = await startedModel({ plan: 'free' });
  const { container } = render(<PlanCard model={model} />);
  expect(container.querySelector('s')).toBeNull();
  expect(screen.getByTestId('credit-value').textContent).toBe('none: the plan has no fee');
  expect(screen.getByText('not allowed')).toBeTruthy();
});
