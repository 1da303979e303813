// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { BasketPlanner } from '../../components/BasketPlanner.tsx';
import { demoCatalog } from '../../lib/billing/catalog.ts';
import type { Catalog } from '../../lib/billing/types.ts';
import { de } from '../../lib/i18n/catalogues/de.ts';
import { fr } from '../../lib/i18n/catalogues/fr.ts';
import type { Messages } from '../../lib/i18n/messages.ts';
import type { CreditModel } from '../../lib/store/credit-model.ts';
import {
  noLifestyleCropAbove,
  snapshotOf,
  topPlanWithoutOverage,
  withRate,
} from '../store/fixtures.ts';
import { MemoryCreditSource } from '../store/memory-credit-source.ts';
import { messagesIn } from '../support/english.ts';
import { render } from './render.tsx';
import { modelOver, startedModel } from './started-model.ts';

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

/** Scale, the top plan, 1 credit left and 20 cents under a $5 cap: ten Smart Crops are blocked. */
const scaleCapReached = {
  plan: 'scale',
  available: '1',
  capUsd: '5.00',
  usdThisCycle: '4.80',
} as const;

/** What the planner says of a basket, by the operations' labels: its lines, total and ways on. */
function basketSays(
  model: CreditModel,
  basket: Record<string, string> = { 'Smart Crops': '10' },
  messages?: Messages,
) {
  render(<BasketPlanner model={model} />, messages ? { messages } : undefined);
  for (const [label, quantity] of Object.entries(basket)) type(label, quantity);
  const said = {
    lines: screen.getAllByRole('listitem').map((line) => line.textContent),
    total: screen.getByTestId('basket-total').textContent,
    wayOn: screen.queryByTestId('basket-way-on')?.textContent ?? null,
  };
  cleanup();
  return said;
}

const renews = 'There is no upgrade for this. The credits renew on Dec 2.';

test('on the top plan with its cap reached: no upgrade, when the credits renew, who may raise the cap', async () => {
  expect(basketSays((await startedModel(scaleCapReached)).model)).toEqual({
    lines: ['10 Smart Crops · 12 credits · 11 over · overage cap reached'],
    total: '11 credits short',
    wayOn: `${renews} You can also raise the monthly cap.`,
  });
  const { model: member } = await startedModel({ ...scaleCapReached, role: 'member' });
  expect(basketSays(member).wayOn).toBe(
    `${renews} You can also ask Ada (admin) to raise the monthly cap.`,
  );
});

test('below the top plan a reached cap: the line says so, the total says upgrade, and the cap can be raised', async () => {
  const { model } = await startedModel({ ...scaleCapReached, plan: 'growth' });
  expect(basketSays(model)).toEqual({
    lines: ['10 Smart Crops · 13 credits · 12 over · overage cap reached'],
    total: '12 credits short · upgrade to go on',
    wayOn: 'You can also raise the monthly cap.',
  });
});

test('a vendor’s top plan without overage: no upgrade named, the renewal instead', async () => {
  const { model } = await startedModel({
    plans: topPlanWithoutOverage,
    plan: 'scale',
    available: '1',
  });
  expect(basketSays(model)).toEqual({
    lines: ['10 Smart Crops · 12 credits · 11 over · no overage on this plan'],
    total: '11 credits short',
    wayOn: renews,
  });
});

test('an upgrade must run the whole basket: a plan above without Lifestyle Crops is none', async () => {
  // Free, and no plan above prices Lifestyle Crops: upgrading would run the Smart Crops, not it.
  const { model } = await startedModel({
    plans: noLifestyleCropAbove,
    plan: 'free',
    available: '25',
  });
  expect(basketSays(model, { 'Smart Crops': '20', 'Lifestyle Crops': '1' })).toEqual({
    lines: [
      '20 Smart Crops · 26 credits · 1 over · no overage on this plan',
      '1 Lifestyle Crop · 4.1 credits · 4.1 over · no overage on this plan',
    ],
    total: '5.1 credits short',
    wayOn: renews,
  });
  // Smart Crops alone: every plan above runs them.
  expect(basketSays(model, { 'Smart Crops': '20' })).toEqual({
    lines: ['20 Smart Crops · 26 credits · 1 over · needs an upgrade'],
    total: '1 credit short · upgrade to go on',
    wayOn: null,
  });
});

test('while the catalogue is not in, nobody is told there is no upgrade', async () => {
  const unreachable = new (class extends MemoryCreditSource {
    override async catalog(): Promise<Catalog> {
      throw new Error('Network down');
    }
  })({ snapshot: snapshotOf(scaleCapReached) });
  const model = await modelOver(unreachable);
  expect(model.catalog.value).toBeNull();
  expect(basketSays(model)).toEqual({
    lines: ['10 Smart Crops · 12 credits · 11 over · overage cap reached'],
    total: '11 credits short · upgrade to go on',
    wayOn: 'You can also raise the monthly cap.',
  });
});

test('the same in German and French', async () => {
  for (const [messages, line, total] of [
    [
      messagesIn('de', de),
      '10 × Smart Crop · 12 Credits · 11 darüber · Mehrverbrauchslimit erreicht',
      '11 Credits zu wenig',
    ],
    [
      messagesIn('fr', fr),
      '10 × Smart Crop · 12 crédits · 11 au-delà · plafond de dépassement atteint',
      'il manque 11 crédits',
    ],
  ] as const) {
    const { model } = await startedModel(scaleCapReached, undefined, messages);
    expect(basketSays(model, undefined, messages)).toMatchObject({ lines: [line], total });
  }
});

test('a line of one credit says "1 credit"', async () => {
  const plans = withRate(demoCatalog.plans, (id) => id === 'growth', 'smart-crop', '1');
  const { model } = await startedModel({ plans, available: '3' });
  expect(basketSays(model, { 'Smart Crops': '1' }).lines).toEqual([
    '1 Smart Crop · 1 credit · 2 left',
  ]);
});
