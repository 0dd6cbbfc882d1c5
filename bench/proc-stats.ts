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
