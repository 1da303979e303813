// What a request costs in CPU, besides how many were answered: the servers' threads read from
// Linux's /proc (each thread's schedstat, nanoseconds it ran), the load generator from
// process.cpuUsage(). Requests per second move with whatever else the machine does; CPU per
// request much less, so it is the figure to watch when making the server cheaper.
import { readdirSync, readFileSync } from 'node:fs';

/** CPU time in µs: the event loop (a process's main thread), its other threads, this process. */
export interface CpuTime {
  loop: number;
  others: number;
  client: number;
}

/** The µs each thread of `pid` ran so far, by thread id; null where /proc has no schedstat. */
function threadTimes(pid: number): Map<number, number> | null {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return null;
  }
  const times = new Map<number, number>();
  for (const tid of tids) {
    try {
      const [runNs] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ');
      times.set(Number(tid), Number(runNs) / 1000);
    } catch {
      // The thread ended between the listing and the read: its time is not counted.
    }
  }
  return times;
}

/**
 * Starts metering processes `pids` and this one; the function it returns gives what they ran
 * since, or null when it cannot be read here (not Linux, or a process gone).
 */
export function meterCpu(pids: number[]): () => CpuTime | null {
  const before = pids.map(threadTimes);
  const client = process.cpuUsage();
  return () => {
    const { user, system } = process.cpuUsage(client);
    const spent: CpuTime = { loop: 0, others: 0, client: user + system };
    for (const [i, pid] of pids.entries()) {
      const was = before[i];
      const now = threadTimes(pid);
      if (!was || !now) return null;
      for (const [tid, us] of now) {
        const ran = us - (was.get(tid) ?? 0);
        if (tid === pid) spent.loop += ran;
        else spent.others += ran;
      }
    }
    return spent;
  };
}

/** `a` + `b`; null when either is. */
export function addCpu(a: CpuTime | null, b: CpuTime | null): CpuTime | null {
  if (!a || !b) return null;
  return { loop: a.loop + b.loop, others: a.others + b.others, client: a.client + b.client };
}

/** `cpu` divided among `count` requests. */
export function perRequest(cpu: CpuTime | null, count: number): CpuTime | null {
  if (!cpu) return null;
  return { loop: cpu.loop / count, others: cpu.others / count, client: cpu.client / count };
}
