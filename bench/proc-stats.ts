/** What Linux tells about a process in /proc: its CPU time and its memory (the bench reads its own children and the stack's). */
import { readFileSync, writeFileSync } from 'node:fs';

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
