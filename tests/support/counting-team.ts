// A team port for component and store tests: a fixed team whose loads are counted.
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
export function countingTeam(members: TeamMember[] = [milo]) {
  const counted = { loads: 0 };
  const unused = () => Promise.reject(new Error('not asked of this team'));
  const port: TeamPort = {
    load: async () => {
      counted.loads += 1;
      return { members, requests: [] };
    },
    ask: unused,
    preview: unused,
    approve: unused,
    decline: unused,
    setRole: unused,
    remove: unused,
  };
  return { port, counted };
}
