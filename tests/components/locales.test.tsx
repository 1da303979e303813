// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { expect, test, vi } from 'vitest';
import { BalanceMeter } from '../../components/BalanceMeter.tsx';
import { CostPreview } from '../../components/CostPreview.tsx';
import { OverageDialog } from '../../components/OverageDialog.tsx';
import { OveragePolicy } from '../../components/OveragePolicy.tsx';
import { RemainingOperations } from '../../components/RemainingOperations.tsx';
import { de } from '../../lib/i18n/catalogues/de.ts';
import { fr } from '../../lib/i18n/catalogues/fr.ts';
import { messagesIn } from '../support/english.ts';
import { render } from './render.tsx';
import { startedModel, trustedClick } from './started-model.ts';

const german = messagesIn('de', de);
const french = messagesIn('fr', fr);

test('German: the balance with German numbers, and nothing left in English', async () => {
  const { model } = await startedModel({ plan: 'growth' }, undefined, german);
  render(<BalanceMeter model={model} />, { messages: german });
  const balance = screen.getByRole('region', { name: 'Credit-Guthaben' });
  expect(within(balance).getByTestId('available').textContent).toBe('4.570');
  expect(balance.textContent).toContain('von 4.570 Credits');
  expect(balance.textContent).toMatch(/erneuert am \d+\. \w+/);
  expect(balance.textContent).not.toMatch(/\b(of|credits|available|held|used|resets)\b/);
});

test('German: how many operations the credits still cover, with the product names kept', async () => {
  const { model } = await startedModel({ available: '500' }, undefined, german);
  render(<RemainingOperations model={model} />, { messages: german });
  expect(screen.getByRole('heading', { name: 'Reicht für' })).toBeTruthy();
  expect(screen.getByText('384 × Smart Crop')).toBeTruthy();
  expect(screen.getAllByText('je 1,3 Credits').length).toBe(1);
});

test('French: the cost preview, in euros never: dollars as French writes them', async () => {
  const { model } = await startedModel({ available: '0' }, undefined, french);
  render(<CostPreview model={model} operation="lifestyle-crop" />, { messages: french });
  expect(screen.getByRole('tooltip').textContent).toBe(
    'Lifestyle Crop · 4,1 crédits · 4,1 crédits au-delà · 0,41\u00a0$US de dépassement',
  );
});

test('German: the overage dialog asks in German, and Abbrechen cancels', async () => {
  const { model } = await startedModel({ available: '0' }, undefined, german);
  render(<OverageDialog model={model} />, { messages: german });
  const decision = model.preflight('lifestyle-crop', 2);
  const dialog = await screen.findByRole('dialog', {
    name: 'Nicht genug Credits für 2 × Lifestyle Crop',
  });
  expect(
    within(dialog).getByRole('button', { name: /Mehrverbrauch zahlen und weitermachen$/ }),
  ).toBeTruthy();
  fireEvent.click(within(dialog).getByRole('button', { name: 'Abbrechen' }));
  expect((await decision)?.decision).toBe('cancel');
});

test('German: a cap typed with a decimal comma is read as dollars and cents', async () => {
  const { model, transport } = await startedModel({ policy: 'ask' }, undefined, german);
  const sent = vi.spyOn(transport, 'setOveragePolicy');
  render(<OveragePolicy model={model} />, { messages: german });
  fireEvent.input(screen.getByLabelText(/Monatslimit in Dollar/), { target: { value: '25,50' } });
  trustedClick(screen.getByRole('button', { name: 'Mehrverbrauchsregel speichern' }));
  await waitFor(() => expect(sent).toHaveBeenCalledWith('ask', '25.50'));
  await waitFor(() =>
    expect(screen.getByRole('status').textContent).toMatch(/^Gespeichert: Jedes Mal fragen, /),
  );
});

test('German: the cap in force shows in the field with a decimal comma, and saves unchanged', async () => {
  const { model, transport } = await startedModel({ capUsd: '25.50' }, undefined, german);
  const sent = vi.spyOn(transport, 'setOveragePolicy');
  render(<OveragePolicy model={model} />, { messages: german });
  expect(screen.getByLabelText<HTMLInputElement>(/Monatslimit in Dollar/).value).toBe('25,50');
  trustedClick(screen.getByRole('button', { name: 'Mehrverbrauchsregel speichern' }));
  await waitFor(() => expect(sent).toHaveBeenCalledWith('ask', '25.50'));
});
