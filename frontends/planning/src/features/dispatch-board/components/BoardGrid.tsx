import { Box, Group, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../../../i18n/register';
import { isoWeekday } from '../../../shared/paris-time';
import { useDateFormats } from '../../../shared/use-date-formats';
import { boardDayEnd, boardDayStart } from '../hooks/board-geometry';
import type { BoardJob, BoardTechnician } from '../hooks/use-dispatch-board';
import { TechnicianRow } from './TechnicianRow';

const technicianColumn = 170;

/** Technicians as rows, days (7:00–19:00) as columns; click a day heading to zoom on it. */
export function BoardGrid({
  technicians,
  jobsOf,
  days,
  today,
  onFocusDay,
}: {
  technicians: readonly BoardTechnician[];
  jobsOf: (technicianId: string) => readonly BoardJob[];
  days: readonly { date: string }[];
  today: string;
  onFocusDay: (date: string) => void;
}) {
  const { t } = useTranslation(planningNamespace);
  const formats = useDateFormats();
  const hours = Array.from({ length: (boardDayEnd - boardDayStart) / 60 }, (_, index) => boardDayStart / 60 + index);
  const wide = days.length < 7;
  const labelEvery = wide ? 1 : 2;
  /** In a week, Saturday and Sunday get narrower columns: few technicians work then. */
  const column = (date: string) => (wide ? 'minmax(240px, 1fr)' : isoWeekday(date) >= 6 ? 'minmax(84px, 0.5fr)' : 'minmax(150px, 1fr)');
  return (
    <Box style={{ overflowX: 'auto', border: '1px solid var(--mantine-color-gray-4)', borderRadius: 6 }}>
      <Box
        role="grid"
        aria-label={t('board.title')}
        style={{
          display: 'grid',
          gridTemplateColumns: `${technicianColumn}px ${days.map((day) => column(day.date)).join(' ')}`,
        }}
      >
        <Box
          px="xs"
          py={4}
          style={{
            borderBottom: '1px solid var(--mantine-color-gray-4)',
            background: 'var(--mantine-color-gray-0)',
            position: 'sticky',
            left: 0,
            zIndex: 4,
          }}
        >
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('board.technician')}
          </Text>
        </Box>
        {days.map((day) => (
          <Box
            key={day.date}
            role="columnheader"
            style={{
              borderLeft: '1px solid var(--mantine-color-gray-4)',
              borderBottom: '1px solid var(--mantine-color-gray-4)',
              background: day.date === today ? 'var(--mantine-color-yellow-1)' : 'var(--mantine-color-gray-0)',
            }}
          >
            <UnstyledButton w="100%" px={6} pt={3} onClick={() => onFocusDay(day.date)} title={t('board.dayView')}>
              <Text size="sm" fw={day.date === today ? 700 : 600} truncate="end">
                {wide ? formats.weekdayLong(day.date) : formats.dayHeading(day.date)}
              </Text>
            </UnstyledButton>
            <Group gap={0} wrap="nowrap" px={0}>
              {hours.map((hour) => (
                <Text
                  key={hour}
                  fz={10}
                  c="dimmed"
                  style={{ flex: 1, paddingLeft: 2, borderLeft: hour === hours[0] ? undefined : '1px solid var(--mantine-color-gray-3)' }}
                >
                  {hour % labelEvery === 0 && (wide || isoWeekday(day.date) < 6) ? `${hour}h` : ''}
                </Text>
              ))}
            </Group>
          </Box>
        ))}
        {technicians.map((technician) => (
          <TechnicianRow
            key={technician.id}
            technician={technician}
            jobs={jobsOf(technician.id)}
            days={days}
            today={today}
            dayLabel={formats.dayHeading}
          />
        ))}
      </Box>
    </Box>
  );
}
