// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { RemainingOperations } from '../../components/RemainingOperations.tsx';
import { demoCatalog } from '../../lib/billing/catalog.ts';
import { de } from '../../lib/i18n/catalogues/de.ts';
import { withRate } from '../store/fixtures.ts';
import { messagesIn } from '../support/english.ts';
import { render } from './render.tsx';
import { startedModel } from './started-model.ts';

function lines() {
  return screen.getAllByRole('listitem').map((item) => item.textContent);
}

test('Growth with 4,570 available covers 3,515 Smart Crops', async () => {
  const { model } = await startedModel({ plan: 'growth' });
  render(<RemainingOperations model={model} />);
  expect(lines()).toEqual([
    '3,515 Smart Crops1.3 credits each',
    '1,632 Background Removals2.8 credits each',
    '1,114 Lifestyle Crops4.1 credits each',
  ]);
});

test('500 available: 384 Smart Crops, never 385, and 178 Background Removals', async () => {
  const { model } = await startedModel({ available: '500' });
  render(<RemainingOperations model={model} />);
  expect(screen.getByText('384 Smart Crops')).toBeTruthy();
  expect(screen.getByText('178 Background Removals')).toBeTruthy();
});

test('the rates are the plan’s own: Scale crops for 1.2', async () => {
  const { model } = await startedModel({ plan: 'scale', available: '500' });
  render(<RemainingOperations model={model} />);
  expect(screen.getByText('416 Smart Crops')).toBeTruthy();
  expect(screen.getByText('1.2 credits each')).toBeTruthy();
});

test('one left reads singular', async () => {
  const { model } = await startedModel({ available: '4.1' });
  render(<RemainingOperations model={model} />);
  expect(screen.getByText('1 Lifestyle Crop')).toBeTruthy();
});

test('a rate of one credit is "1 credit each", in German "je 1 Credit"', async () => {
  // A vendor's catalogue where a Smart Crop on Growth costs exactly 1 credit.
  const plans = withRate(demoCatalog.plans, (id) => id === 'growth', 'smart-crop', '1');
  const { model } = await startedModel({ plans, available: '3' });
  render(<RemainingOperations model={model} />);
  expect(lines()[0]).toBe('3 Smart Crops1 credit each');
  cleanup();
  const german = messagesIn('de', de);
  const { model: inGerman } = await startedModel({ plans, available: '3' }, undefined, german);
  render(<RemainingOperations model={inGerman} />, { messages: german });
  expect(lines()[0]).toBe('3 × Smart Cropje 1 Credit');
});
