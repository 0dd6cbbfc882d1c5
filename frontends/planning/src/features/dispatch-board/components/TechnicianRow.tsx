import { Box, Group, Text } from '@mantine/core';
import { useSkillNames } from '../../../shared/skills';
import { placeJobs } from '../hooks/board-geometry';
import type { BoardColumn, BoardLayout } from '../hooks/board-layout';
import type { BoardJob, BoardTechnician } from '../hooks/use-dispatch-board';
import { DayCell } from './DayCell';

/** A technician's week (or day): name, hours and skills (by name), then one drop cell per day. */
export function TechnicianRow({
  technician,
  jobs,
  columns,
  layout,
  today,
  dayLabel,
}: {
  technician: BoardTechnician;
  jobs: readonly BoardJob[];
  columns: readonly BoardColumn[];
  layout: BoardLayout;
  today: string;
  dayLabel: (date: string) => string;
}) {
  const skillNames = useSkillNames();
  const placed = placeJobs(jobs);
  const lanes = Math.max(1, ...placed.filter((p) => columns.some((column) => column.date === p.date)).map((p) => p.lane + 1));
  return (
    <Box role="row" display="contents">
      <Box
        role="rowheader"
        px="xs"
        py={6}
        style={{
          borderBottom: '1px solid var(--mantine-color-gray-3)',
          background: 'white',
          position: 'sticky',
          left: 0,
          zIndex: 4,
        }}
      >
        <Group gap={6} wrap="nowrap">
          <Box w={10} h={10} style={{ borderRadius: 10, background: technician.color, flexShrink: 0 }} />
          <Text size="sm" fw={600} truncate="end">
            {technician.fullName}
          </Text>
        </Group>
        <Text fz={11} c="dimmed" lineClamp={2}>
          {technician.workDayStart}–{technician.workDayEnd} · {skillNames(technician.skills).join(', ')}
        </Text>
      </Box>
      {columns.map((column) => (
        <DayCell
          key={column.date}
          technician={technician}
          column={column}
          layout={layout}
          dayLabel={dayLabel(column.date)}
          jobs={placed.filter((p) => p.date === column.date)}
          lanes={lanes}
          isToday={column.date === today}
        />
      ))}
    </Box>
  );
}
