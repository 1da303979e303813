// A team port for component and store tests: a fixed team whose loads are counted and whose
// other calls are written down.
import type { TeamMember } from '../../lib/api/schemas/team.ts';
import type { TeamPort } from '../../lib/store/team-port.ts';

const milo: TeamMember = {
  id: 'mem_milo',
  name: 'Milo',
  role: 'member',
  usedThisCycle: '0',
  overageUsdThisCycle: '0.00',
};

/** A team of Milo that counts its loads; asked anything else, it says so. */
/** A team of Milo that counts its loads and writes down every other call, with its arguments. */
export function countingTeam(members: TeamMember[] = [milo]) {
  const counted = { loads: 0, calls: [] as string[] };
  const called =
    (method: string) =>
    async (...args: unknown[]) => {
      counted.calls.push([method, ...args].join(' '));
      return undefined as never;
    };
  const port: TeamPort = {
    load: async () => {
      counted.loads += 1;
      return { members, requests: [] };
    },
    ask: called('ask'),
    preview: called('preview'),
    approve: called('approve'),
    decline: called('decline'),
    setRole: called('setRole'),
    remove: called('remove'),
  };
  return { port, counted };
}
