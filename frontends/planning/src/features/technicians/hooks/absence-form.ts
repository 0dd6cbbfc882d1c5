import type { Path } from 'react-hook-form';
import type { AbsenceInput } from '../../../gql/graphql';
import { addLocalDays, instantAt, localDateOf } from '../../../shared/paris-time';

/** An absence as typed: whole days, first and last included (<input type="date">), and why. */
export interface AbsenceFormValues {
  from: string;
  to: string;
  reason: string;
}

export const newAbsenceValues = (): AbsenceFormValues => ({ from: '', to: '', reason: '' });

/** The absences the section lists: from a month back to a year ahead of today (local dates). */
export function absencesWindow(today: string): { from: string; to: string } {
  return { from: addLocalDays(today, -31), to: addLocalDays(today, 366) };
}

const utc = (instant: string) => new Date(instant).toISOString();

/** The absence for addTechnicianAbsence: from midnight (Paris) of the first day to midnight after the last. */
export function absenceInput(technicianId: string, values: AbsenceFormValues): AbsenceInput {
  return {
    technicianId,
    startsAt: utc(instantAt(values.from, 0)),
    endsAt: utc(instantAt(addLocalDays(values.to, 1), 0)),
    reason: values.reason.trim(),
  };
}

/** The local days an absence covers, first and last: an absence ending at midnight ends the day before. */
export function absenceDays(absence: { startsAt: string; endsAt: string }): { first: string; last: string } {
  return { first: localDateOf(absence.startsAt), last: localDateOf(new Date(new Date(absence.endsAt).getTime() - 1)) };
}

const serverFields: Record<string, Path<AbsenceFormValues>> = { startsAt: 'from', endsAt: 'to', reason: 'reason' };

/** The input showing a field the server refused (the end is the last day's input). */
export const absenceFormPath = (field: string): Path<AbsenceFormValues> | null => serverFields[field] ?? null;
