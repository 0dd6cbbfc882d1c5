/** What Linux tells about a process in /proc: its CPU time and its memory (the bench reads its own children and the stack's). */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/** User + system CPU time of a process, in ms, from /proc/<pid>/stat (clock ticks of 10 ms); null when unreadable. */
export function processCpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** CPU ms of every PostgreSQL process on this machine (server and backends) by pid, read from /proc. */
export function postgresCpuMs(): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
    } catch {
      continue; // gone meanwhile
    }
    const ms = processCpuMs(Number(entry));
    if (ms !== null) byPid.set(Number(entry), ms);
  }
  return byPid;
}

/** PostgreSQL's CPU ms between two postgresCpuMs readings (a backend started between them counts from zero; one that ended is lost). */
export function postgresCpuSince(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let used = 0;
  for (const [pid, ms] of after) used += ms - (before.get(pid) ?? 0);
  return used;
}

/** CPU ms the whole machine has been busy (every CPU, all processes: /proc/stat's first line less idle and iowait). */
export function machineBusyMs(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = ticks as number[];
  return (user! + nice! + system! + irq! + softirq! + (steal ?? 0)) * 10;
}

/** Resident memory now (VmRSS) and its peak (VmHWM) in MiB, from /proc/<pid>/status; null when unreadable. */
export function processMemoryMiB(pid: number): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** Resets a process's peak (VmHWM) to its current RSS (writing 5 to /proc/<pid>/clear_refs); false when refused. */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** Starts counting the CPU time of named processes; the returned function gives each one's ms since, divided by `per`. */
export function cpuMeter(pids: Readonly<Record<string, number>>): (per: number) => Record<string, number> {
  const start = Object.entries(pids).map(([name, pid]) => [name, pid, processCpuMs(pid)] as const);
  return (per) => {
    const used: Record<string, number> = {};
    for (const [name, pid, before] of start) {
      const now = processCpuMs(pid);
      if (before != null && now != null && per > 0) used[name] = (now - before) / per;
    }
    return used;
  };
}

/** `gateway 4.46 + billing 17.79 = 22.25` from a cpuMeter reading. */
export function formatCpuMs(used: Readonly<Record<string, number>>): string {
  const parts = Object.entries(used);
  const sum = parts.reduce((total, [, ms]) => total + ms, 0);
  return `${parts.map(([name, ms]) => `${name} ${ms.toFixed(2)}`).join(' + ')} = ${sum.toFixed(2)}`;
}
