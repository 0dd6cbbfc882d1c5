import { useState } from 'react';
import { defaultDurationMinutes } from './board-geometry';
import { firstFreeTime, type ScheduleFormValues } from './schedule-form';
import type { PlanTarget } from './use-board-drag';
import type { BoardJob, BoardTechnician } from './use-dispatch-board';

/**
 * Which job the "Planifier" form is open on, and what it proposes: the technician and day it was
 * dropped on (or the job's first technician and the first day shown, today when it is shown), at
 * the technician's first free time that day, for the estimated duration.
 */
export function usePlanDialog({
  technicians,
  jobsOf,
  defaultDate,
}: {
  technicians: readonly BoardTechnician[];
  jobsOf: (technicianId: string) => readonly BoardJob[];
  defaultDate: string;
}) {
  const [planned, setPlanned] = useState<{ job: BoardJob; initial: ScheduleFormValues } | null>(null);

  function open(job: BoardJob, target?: Omit<PlanTarget, 'job'>) {
    const technicianId = target?.technicianId ?? job.technicians[0]?.id ?? null;
    const technician = technicians.find((candidate) => candidate.id === technicianId);
    const date = target?.date ?? defaultDate;
    const duration = job.estimatedDurationMinutes || defaultDurationMinutes;
    const time = technician ? firstFreeTime(jobsOf(technician.id), date, technician, duration) : '08:00';
    setPlanned({ job, initial: { technicianId, date, time, duration: String(duration) } });
  }

  return { planned, open, close: () => setPlanned(null) };
}
