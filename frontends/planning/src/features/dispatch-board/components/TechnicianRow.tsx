import { Box, Group, Text } from '@mantine/core';
import { placeJobs } from '../hooks/board-geometry';
import type { BoardJob, BoardTechnician } from '../hooks/use-dispatch-board';
import { DayCell } from './DayCell';

/** A technician's week (or day): name and skills, then one drop cell per day. */
export function TechnicianRow({
  technician,
  jobs,
  days,
  today,
  dayLabel,
}: {
  technician: BoardTechnician;
  jobs: readonly BoardJob[];
  days: readonly { date: string }[];
  today: string;
  dayLabel: (date: string) => string;
}) {
  const placed = placeJobs(jobs);
  const lanes = Math.max(1, ...placed.filter((p) => days.some((day) => day.date === p.date)).map((p) => p.lane + 1));
  return (
    <>
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
        <Text fz={11} c="dimmed" truncate="end">
          {technician.workDayStart}–{technician.workDayEnd} · {technician.skills.join(', ')}
        </Text>
      </Box>
      {days.map((day) => (
        <DayCell
          key={day.date}
          technician={technician}
          date={day.date}
          dayLabel={dayLabel(day.date)}
          jobs={placed.filter((p) => p.date === day.date)}
          lanes={lanes}
          isToday={day.date === today}
        />
      ))}
    </>
  );
}
