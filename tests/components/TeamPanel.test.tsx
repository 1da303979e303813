// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { TeamPanel } from '../../components/TeamPanel.tsx';
import type { TeamMember, UpgradeRequest } from '../../lib/api/schemas/team.ts';
import { fr } from '../../lib/i18n/catalogues/fr.ts';
import type { TeamPort } from '../../lib/store/team-port.ts';
import { messagesIn } from '../support/english.ts';
import { render } from './render.tsx';
import { startedModel, trustedClick } from './started-model.ts';

const milo: TeamMember = {
  id: 'mem_milo',
  name: 'Milo',
  role: 'member',
  usedThisCycle: '130',
  overageUsdThisCycle: '0.00',
};
const ada: TeamMember = { ...milo, id: 'mem_ada', name: 'Ada', role: 'admin', usedThisCycle: '0' };

function request(overrides: Partial<UpgradeRequest> = {}): UpgradeRequest {
  return {
    id: 'upr_1',
    memberId: 'mem_milo',
    planId: 'scale',
    note: 'Big shoot',
    status: 'open',
    at: '2026-05-08T12:00:00.000Z',
    decidedAt: null,
    decidedBy: null,
    reason: null,
    ...overrides,
  };
}

/** A team port that records what it was asked, over a fixed team. */
function teamOf(members: TeamMember[], requests: UpgradeRequest[]) {
  const calls: string[] = [];
  const port: TeamPort = {
    load: async () => ({ members, requests }),
    ask: async (planId, note) => {
      calls.push(`ask ${planId} ${note ?? ''}`);
      return request({ planId, note: note ?? null });
    },
    preview: async () => ({
      from: 'growth',
      to: 'scale',
      chargeUsd: '500.00',
      rolledOverCredits: '4570',
      creditsAfter: '14570',
      cycleAfter: { start: '2026-05-08T12:00:00.000Z', end: '2026-06-08T12:00:00.000Z' },
      effectiveAt: '2026-05-08T12:00:00.000Z',
    }),
    approve: async (id) => calls.push(`approve ${id}`),
    decline: async (id) => calls.push(`decline ${id}`),
    setRole: async (id, role) => calls.push(`role ${id} ${role}`),
    remove: async (id) => calls.push(`remove ${id}`),
  };
  return { port, calls };
}

test('a member asks Ada to upgrade to Scale, with a note, in place of "ask your admin"', async () => {
  const { model } = await startedModel({ role: 'member' });
  const { port, calls } = teamOf([milo], []);
  render(<TeamPanel model={model} team={port} />);
  const ask = await screen.findByRole('button', { name: 'Ask Ada to upgrade to Scale' });
  fireEvent.input(screen.getByRole('textbox', { name: /Note for Ada/ }), {
    target: { value: 'Big shoot' },
  });
  fireEvent.click(ask);
  await waitFor(() => expect(calls).toEqual(['ask scale Big shoot']));
});

test('a member may ask for the plans above its own, each saying what it costs and gives', async () => {
  const { model } = await startedModel({ role: 'member', plan: 'starter' });
  const { port, calls } = teamOf([milo], []);
  render(<TeamPanel model={model} team={port} />);
  const plan = await screen.findByRole('combobox', { name: 'Plan' });
  expect([...(plan as HTMLSelectElement).options].map((option) => option.text)).toEqual([
    'Growth · $250.00 · 4,570 credits',
    'Scale · $500.00 · 10,000 credits',
  ]);
  fireEvent.change(plan, { target: { value: 'growth' } });
  fireEvent.click(await screen.findByRole('button', { name: 'Ask Ada to upgrade to Growth' }));
  await waitFor(() => expect(calls).toEqual(['ask growth ']));
});

test('on the top plan a member has nothing to ask for, but still sees what became of its ask', async () => {
  const { model } = await startedModel({ role: 'member', plan: 'scale' });
  const { port } = teamOf([milo], [request({ status: 'approved' })]);
  render(<TeamPanel model={model} team={port} />);
  expect((await screen.findByRole('status')).textContent).toBe(
    'Ada approved: the account moved to Scale.',
  );
  expect(screen.queryByRole('combobox')).toBeNull();
  expect(screen.queryByRole('button', { name: /^Ask Ada/ })).toBeNull();
});

test('the member sees what became of its request', async () => {
  const { model } = await startedModel({ role: 'member' });
  const { port } = teamOf([milo], [request({ status: 'declined', reason: 'Next quarter' })]);
  render(<TeamPanel model={model} team={port} />);
  expect((await screen.findByRole('status')).textContent).toBe(
    'Ada declined the upgrade to Scale: Next quarter',
  );
});

test('an admin sees the open request with its preview, and approves it with a trusted click', async () => {
  const { model } = await startedModel();
  const { port, calls } = teamOf([ada, milo], [request()]);
  render(<TeamPanel model={model} team={port} />);
  const item = await screen.findByRole('listitem', { name: 'Milo asks for Scale' });
  expect(item.textContent).toContain('“Big shoot”');
  const approve = await screen.findByRole('button', { name: 'Approve · $500.00 today' });
  expect(screen.getByTestId('plan-change-preview').textContent).toContain('$500.00');
  fireEvent.click(approve); // a page script's click does nothing
  expect(calls).toEqual([]);
  trustedClick(approve);
  await waitFor(() => expect(calls).toEqual(['approve upr_1']));
});

test('an admin sees each member’s usage this term and can remove or promote a member', async () => {
  const { model } = await startedModel();
  const { port, calls } = teamOf([ada, milo], []);
  render(<TeamPanel model={model} team={port} />);
  const row = await screen.findByRole('listitem', { name: 'Milo' });
  expect(row.textContent).toContain('130 credits used this term');
  expect(screen.queryByRole('button', { name: 'Remove Ada' })).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: 'Make Milo an admin' }));
  await screen.findByText('Milo is now an admin.');
  fireEvent.click(screen.getByRole('button', { name: 'Remove Milo' }));
  await screen.findByText('Milo was removed.');
  expect(calls).toEqual(['role mem_milo admin', 'remove mem_milo']);
});

test('in French each member’s usage agrees with its number: "0 crédit utilisé"', async () => {
  const french = messagesIn('fr', fr);
  const { model } = await startedModel({}, undefined, french);
  const { port } = teamOf([ada, milo], []);
  render(<TeamPanel model={model} team={port} />, { messages: french });
  const row = await screen.findByRole('listitem', { name: 'Ada' });
  expect(row.textContent).toContain('0 crédit utilisé sur cette période');
  expect(screen.getByRole('listitem', { name: 'Milo' }).textContent).toContain(
    '130 crédits utilisés sur cette période',
  );
});
