import { expect, test } from 'vitest';
import { sharingLoads } from '../../lib/store/team-port.ts';
import { countingTeam } from '../support/counting-team.ts';

test('loads asked in one turn share one request', async () => {
  const { port, counted } = countingTeam();
  const team = sharingLoads(port);
  const [first, second] = await Promise.all([team.load(), team.load()]);
  expect(counted.loads).toBe(1);
  expect(second).toBe(first);
  expect(first.members.map((member) => member.name)).toEqual(['Milo']);
});

test('a load asked after that turn is a request of its own', async () => {
  const { port, counted } = countingTeam();
  const team = sharingLoads(port);
  const first = team.load();
  await Promise.resolve();
  await team.load();
  await first;
  expect(counted.loads).toBe(2);
});

test('everything else goes to the team as it is, with its arguments', async () => {
  const { port, counted } = countingTeam();
  const team = sharingLoads(port);
  await team.ask('scale', 'Big shoot');
  await team.preview('scale');
  await team.approve('upr_1');
  await team.decline('upr_2', 'Not now');
  await team.setRole('mem_milo', 'admin');
  await team.remove('mem_milo');
  expect(counted.calls).toEqual([
    'ask scale Big shoot',
    'preview scale',
    'approve upr_1',
    'decline upr_2 Not now',
    'setRole mem_milo admin',
    'remove mem_milo',
  ]);
  expect(counted.loads).toBe(0);
});
