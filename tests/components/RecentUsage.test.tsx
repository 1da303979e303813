// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { RecentUsage } from '../../components/RecentUsage.tsx';
import { demoCatalog } from '../../lib/billing/catalog.ts';
import { de } from '../../lib/i18n/catalogues/de.ts';
import { entryOf as entry, snapshotOf } from '../store/fixtures.ts';
import { MemoryCreditSource } from '../store/memory-credit-source.ts';
import { countingTeam } from '../support/counting-team.ts';
import { messagesIn } from '../support/english.ts';
import { render } from './render.tsx';
import { modelOver, startedModel } from './started-model.ts';

test('lists the latest entries with their signed change and charge', async () => {
  const { model, transport } = await startedModel({ available: '137.6' });
  transport.entries = [
    entry({
      id: 'e3',
      operation: 'lifestyle-crop',
      quantity: 1,
      credits: '-2',
      overageCredits: '2.1',
      description: '1 × Lifestyle Crop on Growth: 4.1 credits (2.1 credits overage, $0.21)',
      amountUsd: '0.21',
    }),
    entry({
      id: 'e2',
      operation: 'background-removal',
      quantity: 83,
      credits: '-232.4',
      description: '83 × Background Removal on Growth: 232.4 credits',
    }),
    entry({
      id: 'e1',
      credits: '4570',
      kind: 'grant',
      description: 'Growth: 4,570 credits granted',
    }),
  ];
  render(<RecentUsage model={model} />);
  await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(3));
  const items = screen.getAllByRole('listitem').map((item) => item.lastElementChild?.textContent);
  expect(items).toEqual(['−2 · $0.21', '−232.4', '+4,570']);
  expect(screen.getByText('83 × Background Removal')).toBeTruthy();
  expect(screen.getByText('1 × Lifestyle Crop · 2.1 credits as overage')).toBeTruthy();
  // What the popup cannot say from the entry's fields is the server's record.
  expect(screen.getByText('Growth: 4,570 credits granted').lang).toBe('');
  // All of it Ada's own (the snapshot's member): no one is named.
  expect(document.body.textContent).not.toContain('by you');
});

test('no "0" beside an entry that left the credits available as they were', async () => {
  const { model, transport } = await startedModel({ available: '0' });
  transport.entries = [
    // Taken wholly as overage: no plan credits, a charge.
    entry({
      id: 'e2',
      operation: 'lifestyle-crop',
      quantity: 1,
      credits: '0',
      overageCredits: '4.1',
      amountUsd: '0.41',
      description: '1 × Lifestyle Crop on Growth: 4.1 credits (4.1 credits overage, $0.41)',
    }),
    entry({
      id: 'e1',
      kind: 'rollover',
      planId: 'scale',
      fromPlanId: 'growth',
      credits: '0',
      description: '0 credits rolled over from Growth to Scale',
    }),
  ];
  render(<RecentUsage model={model} />);
  await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
  const [overage, rollover] = screen.getAllByRole('listitem');
  expect(overage?.children).toHaveLength(2);
  expect(overage?.lastElementChild?.textContent).toBe('$0.41');
  // The rollover's line alone: its words, and no figure beside them.
  expect(rollover?.children).toHaveLength(1);
  expect(rollover?.textContent).not.toMatch(/\b0$/);
});

test('an account of several: whose each entry is, beside its time', async () => {
  const { model, transport } = await startedModel({ role: 'member', available: '4500' });
  transport.entries = [
    entry({ id: 'e3', memberId: 'mem_milo', credits: '-2.8', description: 'x' }),
    entry({ id: 'e2', memberId: 'mem_ada', credits: '-1.3', description: 'y' }),
    entry({ id: 'e1', memberId: null, kind: 'grant', credits: '4570', description: 'z' }),
  ];
  render(<RecentUsage model={model} />);
  await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(3));
  const times = screen
    .getAllByRole('listitem')
    .map((item) => item.firstElementChild?.lastElementChild?.textContent);
  expect(times).toEqual([
    expect.stringMatching(/^\w+ \d+, \d\d:\d\d · by you$/),
    expect.stringMatching(/^\w+ \d+, \d\d:\d\d · by Ada$/),
    expect.stringMatching(/^\w+ \d+, \d\d:\d\d$/),
  ]);
});

test('in German: operations and terms in German, an older record marked as English', async () => {
  const german = messagesIn('de', de);
  const { model, transport } = await startedModel({ available: '4568.7' }, undefined, german);
  transport.entries = [
    entry({
      id: 'e3',
      credits: '4570',
      kind: 'grant',
      memberId: null,
      planId: 'growth',
      description: 'Growth renewed: 4,570 credits, $250.00',
    }),
    entry({
      id: 'e2',
      operation: 'smart-crop',
      quantity: 1,
      credits: '-1.3',
      description: '1 × Smart Crop on Growth: 1.3 credits',
    }),
    // Written before entries carried their plan: only the record says what it was.
    entry({
      id: 'e1',
      credits: '4570',
      kind: 'grant',
      memberId: null,
      description: 'Growth started: 4,570 credits, $250.00',
    }),
  ];
  render(<RecentUsage model={model} />, { messages: german });
  const list = await screen.findByRole('list');
  await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3));
  // In the popup's own language: no lang of its own (lang="" would mean "unknown").
  expect(within(list).getByText('Neue Laufzeit im Plan Growth').hasAttribute('lang')).toBe(false);
  expect(within(list).getByText('1 × Smart Crop').hasAttribute('lang')).toBe(false);
  expect(within(list).getByText('Growth started: 4,570 credits, $250.00').lang).toBe('en');
  expect(list.textContent).not.toContain('on Growth');
});

test('a record said in German once the catalogue is in keeps no lang (lang="" would mean "unknown")', async () => {
  const german = messagesIn('de', de);
  // A catalogue that comes only when the test lets it.
  let release = () => {};
  const arrived = new Promise<void>((resolve) => {
    release = resolve;
  });
  const transport = new (class extends MemoryCreditSource {
    override async catalog() {
      await arrived;
      return super.catalog();
    }
  })({ snapshot: snapshotOf({ available: '4570' }) });
  transport.entries = [
    entry({
      id: 'e1',
      credits: '4570',
      kind: 'grant',
      memberId: null,
      planId: 'growth',
      description: 'Growth started: 4,570 credits, $250.00',
    }),
  ];
  const model = await modelOver(transport, german);
  render(<RecentUsage model={model} />, { messages: german });
  // Before the catalogue names the plan, the record, as English.
  const record = await screen.findByText('Growth started: 4,570 credits, $250.00');
  expect(record.getAttribute('lang')).toBe('en');
  release();
  const said = await screen.findByText('Neue Laufzeit im Plan Growth');
  expect(said.hasAttribute('lang')).toBe(false);
});

test('reloads when the account changes version', async () => {
  const { model, transport } = await startedModel({ version: 1 });
  render(<RecentUsage model={model} />);
  await waitFor(() => expect(screen.getByText('Nothing yet this term.')).toBeTruthy());
  transport.entries = [
    entry({
      id: 'e1',
      operation: 'smart-crop',
      quantity: 100,
      credits: '-130',
      description: '100 × Smart Crop on Growth: 130 credits',
    }),
  ];
  transport.push(snapshotOf({ version: 2, available: '4440', used: '130' }));
  expect(await screen.findByText('100 × Smart Crop')).toBeTruthy();
});

test('an admin reads the members’ names from the team, once a line needs one', async () => {
  const { model, transport } = await startedModel({ version: 1, available: '4500' });
  const { port, counted } = countingTeam();
  transport.entries = [entry({ id: 'e1', memberId: 'mem_ada', credits: '-1.3', description: 'a' })];
  render(<RecentUsage model={model} team={port} />);
  await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
  expect(counted.loads).toBe(0);

  // Milo's usage arrives while the list is on screen.
  transport.entries = [
    entry({ id: 'e2', memberId: 'mem_milo', credits: '-2.8', description: 'b' }),
    entry({ id: 'e1', memberId: 'mem_ada', credits: '-1.3', description: 'a' }),
  ];
  transport.push(snapshotOf({ version: 2, available: '4497.2', used: '72.8' }));
  await waitFor(() => expect(screen.getAllByRole('listitem')[0]?.textContent).toContain('by Milo'));
  expect(screen.getAllByRole('listitem')[1]?.textContent).toContain('by you');
  expect(counted.loads).toBe(1);
  expect(document.body.textContent).not.toContain('teammate');
});

test('“Show earlier activity” reads 20 more lines at a time, and goes once all are shown', async () => {
  const { model, transport } = await startedModel({ available: '4000' });
  transport.entries = Array.from({ length: 30 }, (_, i) =>
    entry({
      id: `e${30 - i}`,
      operation: 'smart-crop',
      quantity: 30 - i,
      credits: '-1.3',
      description: 'x',
    }),
  );
  render(<RecentUsage model={model} />);
  await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(6));
  expect(screen.getAllByRole('listitem')[0]?.textContent).toContain('30 × Smart Crop');
  fireEvent.click(screen.getByRole('button', { name: 'Show earlier activity' }));
  await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(26));
  const more = screen.getByRole('button', { name: 'Show earlier activity' });
  more.focus();
  fireEvent.click(more);
  await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(30));
  expect(screen.queryByRole('button', { name: 'Show earlier activity' })).toBeNull();
  // The focus is not lost with the button: it is on the list it was under.
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('list')));
});

test('no “Show earlier activity” when the first lines are all there is', async () => {
  const { model, transport } = await startedModel({ available: '4000' });
  transport.entries = [entry({ id: 'e1', credits: '-1.3', description: 'x' })];
  render(<RecentUsage model={model} />);
  await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
  expect(screen.queryByRole('button', { name: 'Show earlier activity' })).toBeNull();
});

test('operations are named as the catalogue names them, not after their ids', async () => {
  const transport = new MemoryCreditSource({ snapshot: snapshotOf({ available: '4000' }) });
  transport.catalog = async () => ({
    ...demoCatalog,
    operations: demoCatalog.operations.map((operation) =>
      operation.id === 'smart-crop' ? { ...operation, name: 'Auto Crop' } : operation,
    ),
  });
  transport.entries = [
    entry({ id: 'e1', operation: 'smart-crop', quantity: 2, credits: '-2.6', description: 'x' }),
  ];
  const model = await modelOver(transport);
  render(<RecentUsage model={model} />);
  expect(await screen.findByText('2 × Auto Crop')).toBeTruthy();
});
