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

test('everything else goes to the team as it is', async () => {
  const team = sharingLoads(countingTeam().port);
  await expect(team.remove('mem_milo')).rejects.toThrow('not asked of this team');
});
