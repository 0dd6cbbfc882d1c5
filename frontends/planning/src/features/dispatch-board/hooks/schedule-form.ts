import { addMinutes } from 'date-fns';
import { clockToMinutes, instantAt, localDateOf, minutesOfDay } from '../../../shared/paris-time';
import { defaultDurationMinutes, snapMinutes } from './board-geometry';

/** What the planner chooses in "Planifier": who, which day, from what time, for how long. */
export interface ScheduleFormValues {
  technicianId: string | null;
  /** YYYY-MM-DD, as an <input type="date"> gives it. */
  date: string;
  /** HH:MM, as an <input type="time"> gives it. */
  time: string;
  /** Minutes, as a string (the Select's value). */
  duration: string;
}

export type ScheduleFormField = keyof ScheduleFormValues;
export type ScheduleFormErrors = Partial<Record<ScheduleFormField, 'required' | 'invalid'>>;

const datePattern = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The choices of duration: the usual ones and the request's estimate, shortest first. */
export function durationChoices(estimatedMinutes: number): number[] {
  const usual = [30, 60, 90, 120, 180, 240, 360, 480];
  return [...new Set([...usual, estimatedMinutes || defaultDurationMinutes])].toSorted((a, b) => a - b);
}

/** The fields the planner left empty or wrote wrong; empty when the form can be sent. */
export function validateScheduleForm(values: ScheduleFormValues): ScheduleFormErrors {
  const errors: ScheduleFormErrors = {};
  if (!values.technicianId) errors.technicianId = 'required';
  if (!values.date) errors.date = 'required';
  else if (!datePattern.test(values.date)) errors.date = 'invalid';
  if (!values.time) errors.time = 'required';
  else if (!timePattern.test(values.time)) errors.time = 'invalid';
  const duration = Number(values.duration);
  if (!values.duration) errors.duration = 'required';
  else if (!Number.isInteger(duration) || duration <= 0) errors.duration = 'invalid';
  return errors;
}

/** The instants (Paris wall clock) the API schedules, from a valid form. */
export function slotOf(values: ScheduleFormValues): { start: string; end: string } {
  const start = new Date(instantAt(values.date, clockToMinutes(values.time)));
  return { start: start.toISOString(), end: addMinutes(start, Number(values.duration)).toISOString() };
}

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The first time in the technician's working day (in 30-minute steps) when a job of that length
 * fits between the jobs already there; the start of the day when nothing fits (the server then
 * warns about the overlap).
 */
export function firstFreeTime(
  jobs: readonly { scheduledStart?: string | null; scheduledEnd?: string | null }[],
  date: string,
  day: { workDayStart: string; workDayEnd: string },
  durationMinutes: number,
): string {
  const busy = jobs
    .filter((job) => job.scheduledStart && job.scheduledEnd && localDateOf(job.scheduledStart) === date)
    .map((job) => ({
      start: minutesOfDay(job.scheduledStart!),
      end: localDateOf(job.scheduledEnd!) === date ? minutesOfDay(job.scheduledEnd!) : 24 * 60,
    }));
  const dayStart = Math.ceil(clockToMinutes(day.workDayStart) / snapMinutes) * snapMinutes;
  const dayEnd = clockToMinutes(day.workDayEnd);
  for (let start = dayStart; start + durationMinutes <= dayEnd; start += snapMinutes) {
    const end = start + durationMinutes;
    if (busy.every((span) => span.end <= start || span.start >= end)) return clock(start);
  }
  return clock(dayStart);
}
