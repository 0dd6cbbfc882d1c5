import { useDroppable } from '@dnd-kit/core';
import { Box, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../../../i18n/register';
import { isoWeekday, minutesOfDay } from '../../../shared/paris-time';
import { boardDayEnd, boardDayMinutes, boardDayStart, unavailableSpans, type PlacedJob } from '../hooks/board-geometry';
import type { BoardColumn, BoardLayout } from '../hooks/board-layout';
import type { CellTarget } from '../hooks/use-board-drag';
import type { BoardJob, BoardTechnician } from '../hooks/use-dispatch-board';
import { JobBlock, laneHeight } from './JobBlock';
import { JobCard } from './JobCard';

const hourLines = `repeating-linear-gradient(to right, transparent 0, transparent calc(100% / 12 - 1px), var(--mantine-color-gray-2) calc(100% / 12 - 1px), var(--mantine-color-gray-2) calc(100% / 12))`;

/**
 * One technician's day, a drop target: along the hours (unavailable spans, jobs to scale and the
 * current time) on a single day; as a list of cards in the order of the day over several days.
 */
export function DayCell({
  technician,
  column,
  layout,
  dayLabel,
  jobs,
  lanes,
  isToday,
}: {
  technician: BoardTechnician;
  column: BoardColumn;
  layout: BoardLayout;
  dayLabel: string;
  jobs: readonly PlacedJob<BoardJob>[];
  lanes: number;
  isToday: boolean;
}) {
  const { t } = useTranslation(planningNamespace);
  const { date } = column;
  const { setNodeRef, isOver } = useDroppable({
    id: `cell:${technician.id}:${date}`,
    data: { kind: 'cell', technicianId: technician.id, date, layout } satisfies CellTarget,
  });
  const background = isOver ? 'var(--mantine-color-indigo-0)' : isToday ? 'var(--mantine-color-yellow-0)' : 'white';
  const outline = isOver ? '2px solid var(--mantine-color-indigo-4)' : undefined;
  if (layout === 'agenda') {
    const dayOff = !technician.workDays.includes(isoWeekday(date));
    const absence = unavailableSpans(technician, date).find((span) => span.kind === 'absence');
    return (
      <Box
        ref={setNodeRef}
        role="cell"
        aria-label={`${technician.fullName} — ${dayLabel}`}
        data-cell={`${technician.id}:${date}`}
        p={column.collapsed ? 0 : 4}
        style={{
          minHeight: 52,
          borderLeft: '1px solid var(--mantine-color-gray-4)',
          borderBottom: '1px solid var(--mantine-color-gray-3)',
          backgroundColor: isOver || isToday || !dayOff ? background : 'var(--mantine-color-gray-1)',
          outline,
          outlineOffset: -2,
        }}
      >
        <Stack gap={4}>
          {absence && !column.collapsed && (
            <Text fz={11} c="red.8" bg="red.0" px={4} style={{ borderRadius: 3 }} truncate="end">
              {t('board.absent', { reason: absence.reason })}
            </Text>
          )}
          {jobs.map((placed) => (
            <JobCard key={placed.job.id} job={placed.job} technicianId={technician.id} />
          ))}
        </Stack>
      </Box>
    );
  }
  const now = isToday ? minutesOfDay(new Date()) : null;
  return (
    <Box
      ref={setNodeRef}
      role="cell"
      aria-label={`${technician.fullName} — ${dayLabel}`}
      data-cell={`${technician.id}:${date}`}
      style={{
        position: 'relative',
        minHeight: lanes * laneHeight + 8,
        borderLeft: '1px solid var(--mantine-color-gray-4)',
        borderBottom: '1px solid var(--mantine-color-gray-3)',
        backgroundImage: hourLines,
        backgroundColor: background,
        outline,
        outlineOffset: -2,
      }}
    >
      {unavailableSpans(technician, date).map((span) => (
        <Box
          key={`${span.kind}-${span.left}`}
          title={span.kind === 'absence' ? t('board.absent', { reason: span.reason }) : t('board.legend.offHours')}
          style={{
            position: 'absolute',
            top: 0,
            bottom: 0,
            left: `${span.left}%`,
            width: `${span.width}%`,
            pointerEvents: 'none',
            background:
              span.kind === 'absence'
                ? 'repeating-linear-gradient(135deg, var(--mantine-color-red-1) 0 6px, var(--mantine-color-red-0) 6px 12px)'
                : 'rgba(134, 142, 150, 0.12)',
          }}
        />
      ))}
      {now !== null && now >= boardDayStart && now <= boardDayEnd && (
        <Box
          aria-hidden
          style={{
            position: 'absolute',
            top: 0,
            bottom: 0,
            left: `${((now - boardDayStart) / boardDayMinutes) * 100}%`,
            width: 2,
            background: 'var(--mantine-color-red-6)',
            zIndex: 1,
            pointerEvents: 'none',
          }}
        />
      )}
      {jobs.map((placed) => (
        <JobBlock key={placed.job.id} placed={placed} technicianId={technician.id} />
      ))}
    </Box>
  );
}
