import { PointerSensor, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { useState } from 'react';
import { addMinutes } from 'date-fns';
import { instantAt, localDateOf, minutesOfDay } from '../../../shared/paris-time';
import { defaultDurationMinutes, durationOf, minutesAtPosition, minutesForDistance, snapMinutes } from './board-geometry';
import type { BoardLayout } from './board-layout';
import type { BoardJob, BoardTechnician } from './use-dispatch-board';
import type { ScheduleRequest } from './use-schedule-job';

/** What is being dragged: a request from the list, a scheduled job, or a job's right edge. */
export type DragPayload =
  | { kind: 'schedule'; job: BoardJob }
  | { kind: 'move'; job: BoardJob; fromTechnicianId: string }
  | { kind: 'resize'; job: BoardJob; fromTechnicianId: string; cellWidth: () => number };

/** A day cell of a technician's row, the drop target. */
export interface CellTarget {
  kind: 'cell';
  technicianId: string;
  date: string;
  layout: BoardLayout;
}

/** A request dropped on a day without hours: the form opens on that technician and day. */
export interface PlanTarget {
  job: BoardJob;
  technicianId: string;
  date: string;
}

export const unscheduledDropId = 'unscheduled-list';

function pointerX(event: DragEndEvent): number | null {
  const activator = event.activatorEvent;
  return activator instanceof PointerEvent || activator instanceof MouseEvent ? activator.clientX + event.delta.x : null;
}

/**
 * Turns a drop on the board into a scheduling request. On a day drawn along its hours, a request
 * starts where the pointer is, for its estimated duration, and a moved job keeps its duration;
 * a resized job keeps its start; times snap to 30 minutes. On a day shown as a list of cards, a
 * moved job keeps its time of day, and a request opens the form on that technician and day.
 */
export function useBoardDrag({
  technicians,
  onSchedule,
  onUnschedule,
  onPlan,
}: {
  technicians: readonly BoardTechnician[];
  onSchedule: (request: ScheduleRequest) => void;
  onUnschedule: (job: BoardJob) => void;
  onPlan: (target: PlanTarget) => void;
}) {
  const [dragged, setDragged] = useState<DragPayload | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }));
  const nameOf = (id: string) => technicians.find((technician) => technician.id === id)?.fullName ?? '';

  function onDragStart(event: DragStartEvent) {
    setDragged((event.active.data.current as DragPayload | undefined) ?? null);
  }

  function onDragEnd(event: DragEndEvent) {
    setDragged(null);
    const payload = event.active.data.current as DragPayload | undefined;
    if (!payload) return;
    const { job } = payload;

    if (payload.kind === 'resize') {
      const added = minutesForDistance(event.delta.x, payload.cellWidth());
      const duration = Math.max(snapMinutes, durationOf(job) + added);
      if (added === 0 || !job.scheduledStart) return;
      onSchedule({
        job,
        technicianIds: job.technicians.map((technician) => technician.id),
        technicianName: nameOf(payload.fromTechnicianId),
        start: job.scheduledStart,
        end: addMinutes(new Date(job.scheduledStart), duration).toISOString(),
      });
      return;
    }

    if (event.over?.id === unscheduledDropId) {
      if (payload.kind === 'move') onUnschedule(job);
      return;
    }
    const target = event.over?.data.current as CellTarget | undefined;
    if (target?.kind !== 'cell' || !event.over) return;

    let startMinutes: number;
    if (target.layout === 'agenda') {
      if (payload.kind === 'schedule') {
        onPlan({ job, technicianId: target.technicianId, date: target.date });
        return;
      }
      startMinutes = minutesOfDay(job.scheduledStart!);
      if (target.technicianId === payload.fromTechnicianId && target.date === localDateOf(job.scheduledStart!)) return;
    } else if (payload.kind === 'schedule') {
      const x = pointerX(event);
      if (x === null) return;
      startMinutes = minutesAtPosition(x, event.over.rect, 'floor');
    } else {
      const left = event.active.rect.current.translated?.left;
      if (left === undefined) return;
      startMinutes = minutesAtPosition(left, event.over.rect, 'round');
      const unchanged =
        target.technicianId === payload.fromTechnicianId &&
        target.date === localDateOf(job.scheduledStart!) &&
        startMinutes === minutesOfDay(job.scheduledStart!);
      if (unchanged) return;
    }
    const duration = payload.kind === 'schedule' ? job.estimatedDurationMinutes || defaultDurationMinutes : durationOf(job);
    const start = instantAt(target.date, startMinutes);
    const otherTechnicians =
      payload.kind === 'move'
        ? job.technicians.map((technician) => technician.id).filter((id) => id !== payload.fromTechnicianId && id !== target.technicianId)
        : [];
    onSchedule({
      job,
      technicianIds: [target.technicianId, ...otherTechnicians],
      technicianName: nameOf(target.technicianId),
      start,
      end: addMinutes(new Date(start), duration).toISOString(),
    });
  }

  return { sensors, dragged, onDragStart, onDragEnd, onDragCancel: () => setDragged(null) };
}
