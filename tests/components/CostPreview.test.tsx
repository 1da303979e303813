// @vitest-environment happy-dom
import { screen } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { CostPreview } from '../../components/CostPreview.tsx';
import { de } from '../../lib/i18n/catalogues/de.ts';
import { topPlanWithoutOverage } from '../store/fixtures.ts';
import { messagesIn } from '../support/english.ts';
import { render } from './render.tsx';
import { startedModel } from './started-model.ts';

test('Smart Crop on Growth with 4,570 available', async () => {
  const { model } = await startedModel({ plan: 'growth' });
  render(<CostPreview model={model} operation="smart-crop" />);
  expect(screen.getByRole('tooltip').textContent).toBe(
    'Smart Crop · 1.3 credits · worth $0.0711 of plan credits · 4,568.7 credits left',
  );
});

test('Lifestyle Crop is worth $0.2243 of plan credits', async () => {
  const { model } = await startedModel({ plan: 'growth' });
  render(<CostPreview model={model} operation="lifestyle-crop" />);
  expect(screen.getByRole('tooltip').textContent).toBe(
    'Lifestyle Crop · 4.1 credits · worth $0.2243 of plan credits · 4,565.9 credits left',
  );
});

test('past the credits it shows the overage: 0 available → $0.41', async () => {
  const { model } = await startedModel({ available: '0' });
  render(<CostPreview model={model} operation="lifestyle-crop" />);
  const tooltip = screen.getByRole('tooltip');
  expect(tooltip.textContent).toBe(
    'Lifestyle Crop · 4.1 credits · 4.1 credits over · $0.41 overage',
  );
  expect(tooltip.className).toContain('t-tooltip--overage');
});

test('a quantity and a plan without overage', async () => {
  const { model } = await startedModel({ plan: 'free', available: '3' });
  render(<CostPreview model={model} operation="smart-crop" quantity={3} />);
  expect(screen.getByRole('tooltip').textContent).toBe(
    '3 × Smart Crop · 3.9 credits · 0.9 credits over · upgrade to go on',
  );
});

test('a quantity of a thousand is grouped like the dialog writes it', async () => {
  const { model } = await startedModel({ plan: 'growth' });
  render(<CostPreview model={model} operation="lifestyle-crop" quantity={1000} />);
  expect(screen.getByRole('tooltip').textContent).toMatch(
    /^1,000 × Lifestyle Crop · 4,100 credits · /,
  );
});

test('an operation the plan does not price shows nothing', async () => {
  const { model } = await startedModel();
  const { container } = render(<CostPreview model={model} operation="teleport" />);
  expect(container.textContent).toBe('');
});

test('on a vendor’s top plan without overage it names no upgrade', async () => {
  const { model } = await startedModel({
    plans: topPlanWithoutOverage,
    plan: 'scale',
    available: '1',
  });
  render(<CostPreview model={model} operation="smart-crop" quantity={3} />);
  expect(screen.getByRole('tooltip').textContent).toBe(
    '3 × Smart Crop · 3.6 credits · 2.6 credits over · no overage on this plan',
  );
});

test('the same in German', async () => {
  const german = messagesIn('de', de);
  const { model } = await startedModel(
    { plans: topPlanWithoutOverage, plan: 'scale', available: '1' },
    undefined,
    german,
  );
  render(<CostPreview model={model} operation="smart-crop" quantity={3} />, { messages: german });
  expect(screen.getByRole('tooltip').textContent).toBe(
    '3 × Smart Crop · 3,6 Credits · 2,6 Credits darüber · kein Mehrverbrauch in diesem Plan',
  );
});
