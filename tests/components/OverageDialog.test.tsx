// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { OverageDialog } from '../../components/OverageDialog.tsx';
import { demoCatalog } from '../../lib/billing/catalog.ts';
import type { Plan } from '../../lib/billing/types.ts';
import { de } from '../../lib/i18n/catalogues/de.ts';
import { type SnapshotOptions, topPlanWithoutOverage, withRate } from '../store/fixtures.ts';
import { messagesIn } from '../support/english.ts';
import { render } from './render.tsx';
import { startedModel, trustedClick } from './started-model.ts';

const NOW = '2026-11-20T10:42:00.000Z';

async function openDialog(
  options: SnapshotOptions,
  operation = 'lifestyle-crop',
  onAsk?: (planId: string) => Promise<unknown>,
  quantity = 1,
) {
  const { model, transport } = await startedModel(options, NOW);
  let settled = false;
  const decision = model.preflight(operation, quantity).finally(() => {
    settled = true;
  });
  render(<OverageDialog model={model} onAsk={onAsk} />);
  return { model, transport, decision, settled: () => settled };
}

test('Lifestyle Crop at 0 available: "Pay $0.41 overage and continue"', async () => {
  await openDialog({ available: '0' });
  const dialog = screen.getByRole('dialog');
  expect(screen.getByRole('dialog', { name: 'Not enough credits for this Lifestyle Crop' })).toBe(
    dialog,
  );
  const described = dialog.getAttribute('aria-describedby')!;
  expect(dialog.ownerDocument.getElementById(described)?.textContent).toBe(
    'It costs 4.1 credits and none are available.',
  );
  expect(screen.getByRole('button', { name: 'Pay $0.41 overage and continue' })).toBeTruthy();
});

test('2.0 available: 2.1 credits short, $0.21; a trusted click proceeds with overage', async () => {
  const { decision } = await openDialog({ available: '2.0' });
  expect(screen.getByTestId('shortfall').textContent).toBe('2.1 credits');
  trustedClick(screen.getByRole('button', { name: 'Pay $0.21 overage and continue' }));
  expect(await decision).toMatchObject({
    decision: 'proceed',
    overage: true,
    quote: { fromPlan: '2', overageCredits: '2.1', overageUsd: '0.21' },
  });
  expect(screen.queryByRole('dialog')).toBeNull();
});

test('an untrusted click (a page script) does nothing', async () => {
  const { model, decision } = await openDialog({ available: '0' });
  const pay = screen.getByRole('button', { name: 'Pay $0.41 overage and continue' });
  fireEvent.click(pay);
  (pay as HTMLButtonElement).click();
  expect(screen.getByRole('dialog')).toBeTruthy();
  expect(model.prompt.request.value).not.toBeNull();
  // The dialog still waits for a choice: a person's Cancel is what settles it.
  fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
  expect(await decision).toMatchObject({ decision: 'cancel' });
});

test('Cancel cancels', async () => {
  const { decision } = await openDialog({ available: '0' });
  fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
  expect((await decision)?.decision).toBe('cancel');
});

/** Each upgrade option's facts, a line each, joined by " | ". */
function upgradeFacts(): string[] {
  return [...screen.getByRole('dialog').querySelectorAll('.t-upgrade__facts')].map((el) =>
    [...el.children].map((line) => line.textContent).join(' | '),
  );
}

test('the free plan can only upgrade: the next plans up, with what upgrading now would do', async () => {
  await openDialog({ plan: 'free', available: '1', used: '24' });
  expect(screen.queryByRole('button', { name: /overage/ })).toBeNull();
  expect(screen.getByRole('dialog').textContent).toContain('The Free plan has no overage');
  // What this Lifestyle Crop (4.1) leaves of each plan's credits: 1,701 − 4.1, 4,571 − 4.1.
  await waitFor(() =>
    expect(upgradeFacts()).toEqual([
      '1,701 credits right away | enough for this Lifestyle Crop, 1,696.9 credits left | renews Dec 20 at $100.00/month',
      '4,571 credits right away | enough for this Lifestyle Crop, 4,566.9 credits left | renews Dec 20 at $250.00/month',
    ]),
  );
  // One click upgrades, so the button says the plan and what it charges today.
  expect(screen.getByRole('button', { name: 'Upgrade to Starter · $100.00 today' })).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Upgrade to Growth · $250.00 today' })).toBeTruthy();
});

/** The dialog of `quantity` Smart Crops on `options`; Scale is the one plan above Growth. */
async function expectScaleFacts(options: SnapshotOptions, quantity: number, facts: string) {
  await openDialog(options, 'smart-crop', undefined, quantity);
  await waitFor(() =>
    expect(upgradeFacts()).toEqual([`${facts} | renews Dec 20 at $500.00/month`]),
  );
  cleanup();
}

const growth100 = { plan: 'growth', available: '100' } as const;
/** 10,000 Smart Crops cost 12,000 on Scale: 1,900 more than 10,100 credits, at $0.10 each. */
const SHORT = 'still 1,900 credits short for 10,000 Smart Crops';

test('what an upgrade leaves is worked out at the new plan’s rate, and says when it still falls short', async () => {
  // Scale prices a Smart Crop at 1.2, not Growth's 1.3: 3,000 of them cost 3,600 there.
  await expectScaleFacts(
    growth100,
    3000,
    '10,100 credits right away | enough for 3,000 Smart Crops, 6,500 credits left',
  );
  await expectScaleFacts(growth100, 10000, `10,100 credits right away | ${SHORT}: $190.00 overage`);
});

test('what an upgrade leaves counts only available credits: held ones stay held', async () => {
  // 100 available and 5,000 held roll over with Scale's 10,000 (15,100 after the change), but
  // only 10,100 are available then.
  await expectScaleFacts(
    { ...growth100, held: '5000' },
    10000,
    `15,100 credits right away | ${SHORT}: $190.00 overage`,
  );
});

test('after an upgrade the cycle’s overage starts again, under the same cap', async () => {
  // $450 of a $500 cap spent: Growth's overage here ($1,290) is blocked. On Scale the cycle's
  // overage starts again at $0, so its $190 fits the cap.
  const spent = { ...growth100, capUsd: '500', usdThisCycle: '450.00' } as const;
  await openDialog(spent, 'smart-crop', undefined, 10000);
  expect(screen.queryByRole('button', { name: /overage/ })).toBeNull();
  cleanup();
  await expectScaleFacts(spent, 10000, `10,100 credits right away | ${SHORT}: $190.00 overage`);
  // A $100 cap: $190 would not fit on Scale either, so no price is promised.
  await expectScaleFacts(
    { ...growth100, capUsd: '100' },
    10000,
    `10,100 credits right away | ${SHORT}`,
  );
});

/** The dialog of `quantity` × `operation` on `options`, over the demo catalogue with `plans`. */
async function openOverPlans(
  plans: Plan[],
  options: SnapshotOptions,
  operation: string,
  quantity: number,
) {
  const { model } = await startedModel({ ...options, plans }, NOW);
  void model.preflight(operation, quantity);
  render(<OverageDialog model={model} />);
}

test('a plan that does not price the operation is not offered for it', async () => {
  const withoutLifestyleCrop = withRate(
    demoCatalog.plans,
    (id) => id === 'growth',
    'lifestyle-crop',
    null,
  );
  await openOverPlans(
    withoutLifestyleCrop,
    { plan: 'starter', available: '0' },
    'lifestyle-crop',
    1,
  );
  await screen.findByRole('button', { name: 'Upgrade to Scale · $500.00 today' });
  expect(screen.queryByRole('button', { name: /Upgrade to Growth/ })).toBeNull();
});

test('an upgrade to a plan without overage that still falls short says so, with no price', async () => {
  await openOverPlans(topPlanWithoutOverage, growth100, 'smart-crop', 10000);
  await waitFor(() =>
    expect(upgradeFacts()).toEqual([
      `10,100 credits right away | ${SHORT} | renews Dec 20 at $500.00/month`,
    ]),
  );
});

test('an admin’s trusted upgrade changes the plan and the operation proceeds', async () => {
  const { model, decision } = await openDialog({ plan: 'free', available: '1', used: '24' });
  const upgrade = await screen.findByRole('button', { name: 'Upgrade to Starter · $100.00 today' });
  fireEvent.click(upgrade);
  expect(model.snapshot.value?.plan.id).toBe('free');
  trustedClick(upgrade);
  expect(await decision).toMatchObject({ decision: 'proceed', overage: false });
  expect(model.snapshot.value?.plan.id).toBe('starter');
  expect(model.balance.value?.available).toBe('1701');
  expect(model.prompt.receipt.value).toBe(
    'Acme Studio is on Starter: $100.00 charged, 1,701 credits, renews Dec 20 at $100.00/month',
  );
});

test('a member sees whom to ask instead of an upgrade button, said once', async () => {
  await openDialog({ role: 'member', available: '0' });
  expect(await screen.findByText(/Scale/)).toBeTruthy();
  expect(screen.getByText('Ask Ada (admin) to upgrade')).toBeTruthy();
  // The plans' heading says whom to ask: no second line under them repeats it.
  expect(screen.getByRole('dialog').textContent?.split('Ada').length).toBe(2);
  expect(screen.getByTestId('ask-admin').textContent).toBe('');
  expect(screen.queryByRole('button', { name: /Upgrade/ })).toBeNull();
  expect(screen.getByRole('button', { name: 'Pay $0.41 overage and continue' })).toBeTruthy();
});

test('a member on the top plan is not sent to ask for an upgrade there is none of', async () => {
  await openDialog({ role: 'member', plan: 'scale', available: '0' });
  expect(screen.getByRole('button', { name: 'Pay $0.38 overage and continue' })).toBeTruthy();
  expect(screen.getByTestId('ask-admin').textContent).toBe('');
  expect(screen.getByRole('dialog').textContent).not.toMatch(/upgrade/i);
  // Overage is a way on: no "there is no upgrade" either.
  expect(screen.queryByTestId('way-on')).toBeNull();
});

test('the top plan with its cap reached: no upgrade, when the credits renew, who may raise the cap', async () => {
  const cap = { plan: 'scale', available: '0', capUsd: '5.00', usdThisCycle: '4.80' } as const;
  await openDialog(cap);
  expect(screen.queryByRole('button', { name: /overage and continue|Upgrade/ })).toBeNull();
  expect(screen.getByTestId('way-on').textContent).toBe(
    'There is no upgrade for this. The credits renew on Dec 2. You can also raise the monthly cap.',
  );
  expect(screen.getByRole('dialog').textContent).not.toContain('upgrade to go on');
  // Said with the reason, to a screen reader too.
  const dialog = screen.getByRole('dialog');
  const described = dialog.getAttribute('aria-describedby')?.split(' ') ?? [];
  expect(described.map((id) => document.getElementById(id)?.dataset.testid)).toContain('way-on');
  cleanup();
  await openDialog({ ...cap, role: 'member' });
  expect(screen.getByTestId('way-on').textContent).toBe(
    'There is no upgrade for this. The credits renew on Dec 2. You can also ask Ada (admin) to raise the monthly cap.',
  );
});

test('the same in German', async () => {
  const { model } = await startedModel(
    { plan: 'scale', available: '0', capUsd: '5.00', usdThisCycle: '4.80' },
    NOW,
    messagesIn('de', de),
  );
  void model.preflight('lifestyle-crop', 1);
  render(<OverageDialog model={model} />, { messages: messagesIn('de', de) });
  expect((await screen.findByTestId('way-on')).textContent).toBe(
    'Dafür gibt es kein passendes Upgrade. Die Credits werden am 2. Dez. erneuert. Sie können auch das Monatslimit erhöhen.',
  );
});

test('while the catalogue is not in, nobody is told there is no upgrade', async () => {
  const { model } = await openDialog({
    plan: 'scale',
    available: '0',
    capUsd: '5.00',
    usdThisCycle: '4.80',
  });
  expect(screen.getByTestId('way-on').textContent).toContain('There is no upgrade');
  model.catalog.value = null;
  await waitFor(() =>
    expect(screen.getByTestId('way-on').textContent).toBe('You can also raise the monthly cap.'),
  );
});

test('a member with a way to ask: "Ask Ada to upgrade to Scale" sends the request', async () => {
  const asked: string[] = [];
  await openDialog({ role: 'member', available: '0' }, 'lifestyle-crop', async (planId) => {
    asked.push(planId);
  });
  // The status region is there, empty, before the news it will announce.
  expect(screen.getByRole('status').textContent).toBe('');
  fireEvent.click(await screen.findByRole('button', { name: 'Ask Ada to upgrade to Scale' }));
  await waitFor(() =>
    expect(screen.getByRole('status').textContent).toMatch(/^You asked Ada to upgrade to Scale/),
  );
  expect(asked).toEqual(['scale']);
});

test('a reached overage cap blocks paying and says so', async () => {
  await openDialog({ available: '0', capUsd: '5.00', usdThisCycle: '4.80' });
  expect(screen.queryByRole('button', { name: /overage and continue/ })).toBeNull();
  expect(screen.getByRole('dialog').textContent).toContain(
    'This month’s overage cap of $5.00 is reached',
  );
  // Upgrades are offered, and raising the cap is the other way on.
  expect(await screen.findByText('Upgrade to go on')).toBeTruthy();
  expect(screen.getByTestId('way-on').textContent).toBe('You can also raise the monthly cap.');
});

test('inside a shadow root, as the embed hosts it: it opens, and Cancel answers and closes it', async () => {
  const { model } = await startedModel({ available: '0' });
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'closed' });
  const container = document.createElement('div');
  root.append(container);
  render(<OverageDialog model={model} />, { container });
  const decision = model.preflight('lifestyle-crop', 1);
  await Promise.resolve();
  const dialog = await within(container).findByRole('dialog');
  fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  expect((await decision)?.decision).toBe('cancel');
  expect(within(container).queryByRole('dialog')).toBeNull();
  host.remove();
});
