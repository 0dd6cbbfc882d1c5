import { clockToMinutes, isoWeekday, localDateOf, minutesBetween, minutesOfDay } from '../../../shared/paris-time';

/** The board shows the working day from 7:00 to 19:00 (Paris), in 30-minute steps. */
export const boardDayStart = 7 * 60;
export const boardDayEnd = 19 * 60;
export const boardDayMinutes = boardDayEnd - boardDayStart;
export const snapMinutes = 30;
export const defaultDurationMinutes = 120;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const percentOf = (minutes: number) => ((clamp(minutes, boardDayStart, boardDayEnd) - boardDayStart) / boardDayMinutes) * 100;

/** Where a span of the day sits in a day cell, as left/width percentages. */
export function spanInDay(startMinutes: number, endMinutes: number): { left: number; width: number } {
  const left = percentOf(startMinutes);
  return { left, width: Math.max(percentOf(endMinutes) - left, 0) };
}

export interface PlacedJob<Job> {
  job: Job;
  date: string;
  left: number;
  width: number;
  lane: number;
}

/** Jobs of one technician placed in the day cells, overlapping ones in separate lanes. */
export function placeJobs<Job extends { scheduledStart?: string | null; scheduledEnd?: string | null }>(
  jobs: readonly Job[],
): PlacedJob<Job>[] {
  const sorted = jobs
    .filter((job) => job.scheduledStart && job.scheduledEnd)
    .toSorted((a, b) => a.scheduledStart!.localeCompare(b.scheduledStart!));
  const laneEnds = new Map<string, string[]>();
  return sorted.map((job) => {
    const date = localDateOf(job.scheduledStart!);
    const start = minutesOfDay(job.scheduledStart!);
    const end = localDateOf(job.scheduledEnd!) === date ? minutesOfDay(job.scheduledEnd!) : 24 * 60;
    const lanes = laneEnds.get(date) ?? [];
    let lane = lanes.findIndex((laneEnd) => laneEnd <= job.scheduledStart!);
    if (lane === -1) lane = lanes.length;
    lanes[lane] = job.scheduledEnd!;
    laneEnds.set(date, lanes);
    return { job, date, lane, ...spanInDay(start, end) };
  });
}

/** Minutes after midnight at a horizontal position in a day cell, snapped to the grid. */
export function minutesAtPosition(x: number, cell: { left: number; width: number }, snap: 'floor' | 'round'): number {
  const ratio = clamp((x - cell.left) / cell.width, 0, 1);
  const raw = boardDayStart + ratio * boardDayMinutes;
  const steps = snap === 'floor' ? Math.floor(raw / snapMinutes) : Math.round(raw / snapMinutes);
  return clamp(steps * snapMinutes, boardDayStart, boardDayEnd - snapMinutes);
}

/** A horizontal drag distance in a day cell, as whole grid steps of minutes. */
export const minutesForDistance = (dx: number, cellWidth: number): number =>
  Math.round(((dx / cellWidth) * boardDayMinutes) / snapMinutes) * snapMinutes;

export const durationOf = (job: { scheduledStart?: string | null; scheduledEnd?: string | null; estimatedDurationMinutes?: number }) =>
  job.scheduledStart && job.scheduledEnd
    ? minutesBetween(job.scheduledStart, job.scheduledEnd)
    : (job.estimatedDurationMinutes ?? defaultDurationMinutes);

export interface TechnicianCalendar {
  workDayStart: string;
  workDayEnd: string;
  workDays: readonly number[];
  absences: readonly { startsAt: string; endsAt: string; reason: string }[];
}

/** The greyed parts of a technician's day: outside working hours, and absences (with reason). */
export function unavailableSpans(technician: TechnicianCalendar, date: string) {
  const spans: { left: number; width: number; kind: 'offHours' | 'absence'; reason?: string }[] = [];
  if (!technician.workDays.includes(isoWeekday(date))) {
    spans.push({ kind: 'offHours', left: 0, width: 100 });
  } else {
    spans.push({ kind: 'offHours', ...spanInDay(boardDayStart, clockToMinutes(technician.workDayStart)) });
    spans.push({ kind: 'offHours', ...spanInDay(clockToMinutes(technician.workDayEnd), boardDayEnd) });
  }
  for (const absence of technician.absences) {
    const from = localDateOf(absence.startsAt);
    const to = localDateOf(absence.endsAt);
    if (date < from || date > to) continue;
    const start = from === date ? minutesOfDay(absence.startsAt) : 0;
    const end = to === date ? minutesOfDay(absence.endsAt) : 24 * 60;
    spans.push({ kind: 'absence', reason: absence.reason, ...spanInDay(start, end) });
  }
  return spans.filter((span) => span.width > 0);
}
