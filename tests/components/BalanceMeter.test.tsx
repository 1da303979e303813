// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { BalanceMeter } from '../../components/BalanceMeter.tsx';
import { de } from '../../lib/i18n/catalogues/de.ts';
import { fr } from '../../lib/i18n/catalogues/fr.ts';
import { snapshotOf, topPlanWithoutOverage } from '../store/fixtures.ts';
import { messagesIn } from '../support/english.ts';
import { render } from './render.tsx';
import { startedModel } from './started-model.ts';

test('shows available, held and used of the granted credits and the reset date', async () => {
  const { model } = await startedModel({ available: '4568.7', used: '1.3' });
  render(<BalanceMeter model={model} />);
  expect(screen.getByTestId('available').textContent).toBe('4,568.7');
  expect(screen.getByText('resets Dec 2')).toBeTruthy();
  expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
    '4,568.7 of 4,570 credits available, 0 held, 1.3 used',
  );
  expect(screen.queryByText(/Less than 10%/)).toBeNull();
});

test('held credits take their share of the meter', async () => {
  const { model } = await startedModel({ available: '3427.5', held: '457', used: '685.5' });
  const { container } = render(<BalanceMeter model={model} />);
  const held = container.querySelector<HTMLElement>('.t-meter__held')!;
  const available = container.querySelector<HTMLElement>('.t-meter__available')!;
  expect(held.style.width).toBe('10%');
  expect(available.style.width).toBe('75%');
  expect(screen.getByText('457 held')).toBeTruthy();
});

test('warns below 10% of the term’s credits', async () => {
  const { model } = await startedModel({ available: '400', used: '4170' });
  render(<BalanceMeter model={model} />);
  expect(screen.getByText('Less than 10% of this term’s credits are left.')).toBeTruthy();
});

test('at zero says what the next operation needs: overage or an upgrade on Growth', async () => {
  const { model } = await startedModel({ available: '0', used: '4570' });
  render(<BalanceMeter model={model} />);
  expect(
    screen.getByText('No plan credits left: each operation now needs overage or an upgrade.'),
  ).toBeTruthy();
});

test('at zero on the free plan, only an upgrade (it allows no overage)', async () => {
  const { model } = await startedModel({ plan: 'free', available: '0', used: '25' });
  render(<BalanceMeter model={model} />);
  expect(
    screen.getByText('No credits left: operations need an upgrade until the term renews.'),
  ).toBeTruthy();
});

test('updates when a newer snapshot arrives', async () => {
  const { model, transport } = await startedModel({ available: '500', version: 2 });
  render(<BalanceMeter model={model} />);
  expect(screen.getByTestId('available').textContent).toBe('500');
  transport.push(snapshotOf({ available: '370', used: '130', version: 3 }));
  await Promise.resolve();
  expect(screen.getByTestId('available').textContent).toBe('370');
});

test('at zero on the top plan: overage, and no upgrade named', async () => {
  const { model } = await startedModel({ plan: 'scale', available: '0', used: '10000' });
  render(<BalanceMeter model={model} />);
  expect(screen.getByText('No plan credits left: each operation now needs overage.')).toBeTruthy();
});

test('at zero on a vendor’s top plan without overage: when the credits renew', async () => {
  const { model } = await startedModel({
    plans: topPlanWithoutOverage,
    plan: 'scale',
    available: '0',
    used: '10000',
  });
  render(<BalanceMeter model={model} />);
  expect(screen.getByText('No credits left until the term renews on Dec 2.')).toBeTruthy();
});

test('at zero with the term’s overage at its cap: a higher cap, or an upgrade where there is one', async () => {
  const capSpent = { available: '0', used: '10000', capUsd: '5.00', usdThisCycle: '5.00' } as const;
  const { model } = await startedModel({ ...capSpent, plan: 'scale' });
  render(<BalanceMeter model={model} />);
  expect(
    screen.getByText(
      'No credits left and this month’s overage cap is reached: operations need a higher cap or wait for the renewal on Dec 2.',
    ),
  ).toBeTruthy();
  cleanup();
  const { model: growth } = await startedModel({ ...capSpent, used: '4570' });
  render(<BalanceMeter model={growth} />);
  expect(
    screen.getByText(
      'No credits left and this month’s overage cap is reached: operations need an upgrade or a higher cap.',
    ),
  ).toBeTruthy();
});

test('the cap is reached too when what running operations were promised fills it', async () => {
  // $4.80 spent and $0.20 consented by a pending hold: the $5.00 cap has no room left.
  const full = { plan: 'scale', available: '0', used: '10000', capUsd: '5.00' } as const;
  const { model } = await startedModel({ ...full, usdThisCycle: '4.80', heldUsd: '0.20' });
  render(<BalanceMeter model={model} />);
  expect(screen.getByText(/overage cap is reached/)).toBeTruthy();
  cleanup();
  const { model: room } = await startedModel({ ...full, usdThisCycle: '4.80', heldUsd: '0.19' });
  render(<BalanceMeter model={room} />);
  expect(screen.queryByText(/overage cap is reached/)).toBeNull();
});

test('the top plan’s words in German and French', async () => {
  const zero = {
    plans: topPlanWithoutOverage,
    plan: 'scale',
    available: '0',
    used: '10000',
  } as const;
  const german = messagesIn('de', de);
  const { model } = await startedModel(zero, undefined, german);
  render(<BalanceMeter model={model} />, { messages: german });
  expect(screen.getByText('Keine Credits mehr bis zur Erneuerung am 2. Dez.')).toBeTruthy();
  cleanup();
  const french = messagesIn('fr', fr);
  const { plans: _vendors, ...demoZero } = zero;
  const { model: inFrench } = await startedModel(demoZero, undefined, french);
  render(<BalanceMeter model={inFrench} />, { messages: french });
  expect(
    screen.getByText(
      'Plus de crédits du forfait : chaque opération demande maintenant un dépassement.',
    ),
  ).toBeTruthy();
});

test('French agrees each figure with its number: 0 and 1.5 take the singular', async () => {
  const french = messagesIn('fr', fr);
  const { model } = await startedModel(
    { available: '0', held: '1.5', used: '4568.5' },
    undefined,
    french,
  );
  const { container } = render(<BalanceMeter model={model} />, { messages: french });
  const legend = [...container.querySelectorAll('.t-legend span')].map((part) => part.textContent);
  expect(legend).toEqual(['0 disponible', '1,5 réservé', '4\u202f568,5 utilisés']);
  expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
    '0 sur 4\u202f570 crédits disponibles, 1,5 réservé, 4\u202f568,5 utilisés',
  );
});
