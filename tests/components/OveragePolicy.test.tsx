// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { expect, test, vi } from 'vitest';
import { OveragePolicy } from '../../components/OveragePolicy.tsx';
import { Popup } from '../../components/Popup.tsx';
import { snapshotOf, topPlanWithoutOverage } from '../store/fixtures.ts';
import { render } from './render.tsx';
import { startedModel, trustedClick } from './started-model.ts';

/** ["Policy: Automatic", "Monthly cap: up to $25.00 a month", "This cycle: …"] */
const facts = () =>
  [...screen.getByTestId('overage-policy').querySelectorAll('div')].map(
    (row) => `${row.querySelector('dt')?.textContent}: ${row.querySelector('dd')?.textContent}`,
  );
const save = () => screen.getByRole('button', { name: 'Save overage policy' });

test('shows the policy in force and what this cycle spent on overage', async () => {
  const { model, transport } = await startedModel({ policy: 'auto', capUsd: '40.00' });
  transport.push({
    ...transport.snapshot,
    version: 2,
    overage: { ...transport.snapshot.overage, creditsThisCycle: '12.3', usdThisCycle: '1.23' },
  });
  render(<OveragePolicy model={model} />);
  expect(facts()).toEqual([
    'Policy: Automatic',
    'Monthly cap: up to $40.00 a month',
    'This cycle: 12.3 credits · $1.23',
  ]);
});

test('overage that running operations were promised shows beside the cycle’s, then goes', async () => {
  const { model, transport } = await startedModel({ policy: 'ask', capUsd: '5.00' });
  const spent = { ...transport.snapshot.overage, creditsThisCycle: '1.2', usdThisCycle: '0.12' };
  transport.push({ ...transport.snapshot, version: 2, overage: { ...spent, heldUsd: '0.41' } });
  render(<OveragePolicy model={model} />);
  expect(facts()).toEqual([
    'Policy: Ask each time',
    'Monthly cap: up to $5.00 a month',
    'This cycle: 1.2 credits · $0.12',
    'Held for running operations: $0.41',
  ]);
  // Captured: the hold's overage is spent now, nothing is held.
  const captured = { ...spent, creditsThisCycle: '5.3', usdThisCycle: '0.53', heldUsd: '0.00' };
  transport.push({ ...transport.snapshot, version: 3, overage: captured });
  await waitFor(() =>
    expect(facts()).toEqual([
      'Policy: Ask each time',
      'Monthly cap: up to $5.00 a month',
      'This cycle: 5.3 credits · $0.53',
    ]),
  );
});

test('an admin saves "Automatic" with a $25 cap; the saved state shows', async () => {
  const { model, transport } = await startedModel({ policy: 'ask' });
  const sent = vi.spyOn(transport, 'setOveragePolicy');
  render(<OveragePolicy model={model} />);
  expect(facts()).toEqual([
    'Policy: Ask each time',
    'Monthly cap: no cap',
    'This cycle: 0 credits · $0.00',
  ]);

  fireEvent.click(screen.getByRole('radio', { name: /^Automatic/ }));
  fireEvent.input(screen.getByLabelText(/Monthly cap/), { target: { value: '25' } });
  fireEvent.click(save()); // a script's click does nothing
  expect(sent).not.toHaveBeenCalled();
  trustedClick(save());

  await waitFor(() =>
    expect(screen.getByRole('status').textContent).toBe('Saved: Automatic, up to $25.00 a month.'),
  );
  expect(sent).toHaveBeenCalledExactlyOnceWith('auto', '25.00');
  expect(facts().slice(0, 2)).toEqual(['Policy: Automatic', 'Monthly cap: up to $25.00 a month']);
  expect(model.snapshot.value?.overage).toMatchObject({ policy: 'auto', capUsd: '25.00' });
});

test('an empty cap is "no cap"; the cap also holds under "ask"', async () => {
  const { model, transport } = await startedModel({ policy: 'auto', capUsd: '25.00' });
  const sent = vi.spyOn(transport, 'setOveragePolicy');
  render(<OveragePolicy model={model} />);
  fireEvent.input(screen.getByLabelText(/Monthly cap/), { target: { value: '' } });
  trustedClick(save());
  await waitFor(() => expect(facts()).toContain('Monthly cap: no cap'));
  expect(sent).toHaveBeenLastCalledWith('auto', null);

  transport.push({
    ...transport.snapshot,
    overage: { ...transport.snapshot.overage, capUsd: '9.50' },
  });
  fireEvent.click(screen.getByRole('radio', { name: /^Ask each time/ }));
  // Another admin's change shows in the untouched field.
  expect((screen.getByLabelText(/Monthly cap/) as HTMLInputElement).value).toBe('9.50');
  trustedClick(save());
  await waitFor(() => expect(facts()).toContain('Policy: Ask each time'));
  expect(facts()).toContain('Monthly cap: up to $9.50 a month');
  expect(sent).toHaveBeenLastCalledWith('ask', '9.50');
});

test.each([
  ['1.234', 'at most 2 decimal places'],
  ['-3', 'cannot be negative'],
  ['25 dollars', 'like 25 or 25.50'],
])('a cap of "%s" is refused with a clear message and nothing is sent', async (cap, message) => {
  const { model, transport } = await startedModel({ policy: 'ask' });
  const sent = vi.spyOn(transport, 'setOveragePolicy');
  render(<OveragePolicy model={model} />);
  fireEvent.click(screen.getByRole('radio', { name: /^Automatic/ }));
  const input = screen.getByLabelText(/Monthly cap/);
  fireEvent.input(input, { target: { value: cap } });
  trustedClick(save());
  expect((await screen.findByRole('alert')).textContent).toContain(message);
  expect(input.getAttribute('aria-invalid')).toBe('true');
  expect(model.snapshot.value?.overage.policy).toBe('ask');
  // Corrected, the cap is saved: that save is the only one sent.
  fireEvent.input(input, { target: { value: '25' } });
  trustedClick(save());
  await waitFor(() => expect(model.snapshot.value?.overage.policy).toBe('auto'));
  expect(sent).toHaveBeenCalledExactlyOnceWith('auto', '25.00');
});

test("the server's refusal is shown as it is", async () => {
  const { model, transport } = await startedModel({ policy: 'ask' });
  transport.setOveragePolicy = async () => {
    throw Object.assign(new Error('Only an admin can change the overage policy.'), {
      code: 'forbidden',
    });
  };
  render(<OveragePolicy model={model} />);
  fireEvent.click(screen.getByRole('radio', { name: /^Automatic/ }));
  trustedClick(save());
  await waitFor(() =>
    expect(screen.getByRole('alert').textContent).toBe(
      'Only an admin can change the overage policy.',
    ),
  );
  expect(facts()).toContain('Policy: Ask each time');
});

test('what was said to one member is not shown to the next one connected', async () => {
  const { model, transport } = await startedModel({ policy: 'ask' });
  render(<OveragePolicy model={model} />);
  trustedClick(save());
  await screen.findByRole('status');
  transport.push(snapshotOf({ role: 'member', version: 1 }));
  await screen.findByText('Ask Ada (admin) to change it.');
  expect(screen.queryByRole('status')).toBeNull();
});

test('a member sees the policy read-only and whom to ask', async () => {
  const { model } = await startedModel({ role: 'member', policy: 'auto' });
  render(<OveragePolicy model={model} />);
  expect(facts()).toEqual([
    'Policy: Automatic',
    'Monthly cap: no cap',
    'This cycle: 0 credits · $0.00',
  ]);
  expect(screen.getByText('Ask Ada (admin) to change it.')).toBeTruthy();
  expect(screen.queryByRole('radio')).toBeNull();
  expect(screen.queryByRole('button')).toBeNull();
});

test('on the free plan overage is not available, and there is nothing to set', async () => {
  const { model } = await startedModel({ plan: 'free' });
  render(<OveragePolicy model={model} />);
  expect(screen.getByRole('region', { name: 'Overage' }).textContent).toContain(
    'Overage is not available on this plan (Free)',
  );
  expect(screen.queryByRole('radio')).toBeNull();
});

test('on a vendor’s top plan without overage it says when the credits renew, not "upgrade"', async () => {
  const { model } = await startedModel({
    plans: topPlanWithoutOverage,
    plan: 'scale',
  });
  render(<OveragePolicy model={model} />);
  const overage = within(screen.getByRole('region', { name: 'Overage' }));
  expect(
    overage.getByText(
      'Overage is not available on this plan (Scale): past its credits, operations wait for the renewal on Dec 2.',
    ),
  ).toBeTruthy();
  expect(overage.queryByText(/upgrade/)).toBeNull();
});

test('the popup shows it after the plan and before the plan change', async () => {
  const { model } = await startedModel();
  render(<Popup model={model} />);
  const regions = screen.getAllByRole('region').map((region) => region.getAttribute('aria-label'));
  const at = (name: string) => regions.indexOf(name);
  expect(at('Overage')).toBeGreaterThan(at('Plan'));
  expect(at('Overage')).toBeLessThan(at('Change plan'));
  expect(at('Plan')).toBeGreaterThanOrEqual(0);
});
