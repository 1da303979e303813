// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { BasketPlanner } from '../../components/BasketPlanner.tsx';
import { render } from './render.tsx';
import { startedModel } from './started-model.ts';

function type(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

test('100 Smart Crops then 83 Background Removals leave 137.6 of 500', async () => {
  const { model } = await startedModel({ available: '500' });
  render(<BasketPlanner model={model} />);
  type('Smart Crops', '100');
  expect(screen.getByText('100 Smart Crops · 130 credits · 370 left')).toBeTruthy();
  expect(screen.getByTestId('basket-total').textContent).toBe('370 credits left');
  type('Background Removals', '83');
  expect(screen.getByText('83 Background Removals · 232.4 credits · 137.6 left')).toBeTruthy();
  expect(screen.getByTestId('basket-total').textContent).toBe('137.6 credits left');
});

test('a basket past the credits shows the overage it would cost', async () => {
  const { model } = await startedModel({ available: '2.0' });
  render(<BasketPlanner model={model} />);
  type('Lifestyle Crops', '1');
  expect(
    screen.getByText('1 Lifestyle Crop · 4.1 credits · 2.1 over · $0.21 overage'),
  ).toBeTruthy();
  expect(screen.getByTestId('basket-total').textContent).toBe('2.1 credits over · $0.21 overage');
});

test('on the free plan it says an upgrade is needed', async () => {
  const { model } = await startedModel({ plan: 'free', available: '25' });
  render(<BasketPlanner model={model} />);
  type('Smart Crops', '20');
  expect(screen.getByTestId('basket-total').textContent).toBe('1 credit short · upgrade to go on');
});

test('a quantity that is not a whole number is marked and left out', async () => {
  const { model } = await startedModel({ available: '500' });
  render(<BasketPlanner model={model} />);
  type('Smart Crops', '1.5');
  expect(screen.getByLabelText('Smart Crops').getAttribute('aria-invalid')).toBe('true');
  expect(screen.queryByTestId('basket-total')).toBeNull();
});
