import { Box, Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../../../i18n/register';
import { useDateFormats } from '../../../shared/use-date-formats';
import { boardDayEnd, boardDayStart } from '../hooks/board-geometry';
import { columnTrack, type BoardColumn, type BoardLayout } from '../hooks/board-layout';
import type { BoardJob, BoardTechnician } from '../hooks/use-dispatch-board';
import { TechnicianRow } from './TechnicianRow';

/**
 * Technicians as rows, days as columns (a weekend without jobs folded in a week); a single day
 * shows its hours (7:00–19:00). Click a day heading to zoom on it. Read as a table (a row per
 * technician, a column per day); jobs are moved with their cards (dragged, or with the keyboard).
 */
export function BoardGrid({
  technicians,
  jobsOf,
  columns,
  layout,
  today,
  onFocusDay,
}: {
  technicians: readonly BoardTechnician[];
  jobsOf: (technicianId: string) => readonly BoardJob[];
  columns: readonly BoardColumn[];
  layout: BoardLayout;
  today: string;
  onFocusDay: (date: string) => void;
}) {
  const { t } = useTranslation(planningNamespace);
  const formats = useDateFormats();
  const hours = Array.from({ length: (boardDayEnd - boardDayStart) / 60 }, (_, index) => boardDayStart / 60 + index);
  const heading = (column: BoardColumn) =>
    column.collapsed
      ? formats.dayHeading(column.date).split(' ').slice(0, 2).join(' ')
      : layout === 'timeline'
        ? formats.weekdayLong(column.date)
        : formats.dayHeading(column.date);
  return (
    <Box style={{ overflowX: 'auto', border: '1px solid var(--mantine-color-gray-4)', borderRadius: 6 }}>
      <Box
        role="table"
        aria-label={t('board.title')}
        style={{
          display: 'grid',
          gridTemplateColumns: `${layout === 'timeline' ? 170 : 150}px ${columns.map((column) => columnTrack(column, layout, columns.length)).join(' ')}`,
        }}
      >
        {/* Rows hold no box of their own (display: contents) so that their cells stay the grid's items. */}
        <Box role="row" display="contents">
          <Box
            role="columnheader"
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
          {columns.map((column) => (
            <Box
              key={column.date}
              role="columnheader"
              data-collapsed={column.collapsed || undefined}
              style={{
                borderLeft: '1px solid var(--mantine-color-gray-4)',
                borderBottom: '1px solid var(--mantine-color-gray-4)',
                background: column.date === today ? 'var(--mantine-color-yellow-1)' : 'var(--mantine-color-gray-0)',
              }}
            >
              <Tooltip label={column.collapsed ? t('board.weekendFolded', { day: formats.weekdayLong(column.date) }) : t('board.dayView')}>
                <UnstyledButton
                  w="100%"
                  px={column.collapsed ? 2 : 6}
                  py={3}
                  onClick={() => onFocusDay(column.date)}
                  aria-label={`${heading(column)} — ${t('board.dayView')}`}
                >
                  <Text
                    size={column.collapsed ? 'xs' : 'sm'}
                    fw={column.date === today ? 700 : 600}
                    ta={column.collapsed ? 'center' : undefined}
                    style={{ whiteSpace: column.collapsed ? 'normal' : 'nowrap' }}
                  >
                    {heading(column)}
                  </Text>
                </UnstyledButton>
              </Tooltip>
              {layout === 'timeline' && (
                <Group gap={0} wrap="nowrap" px={0}>
                  {hours.map((hour) => (
                    <Text
                      key={hour}
                      fz={10}
                      c="dimmed"
                      style={{
                        flex: 1,
                        paddingLeft: 2,
                        borderLeft: hour === hours[0] ? undefined : '1px solid var(--mantine-color-gray-3)',
                      }}
                    >
                      {`${hour}h`}
                    </Text>
                  ))}
                </Group>
              )}
            </Box>
          ))}
        </Box>
        {technicians.map((technician) => (
          <TechnicianRow
            key={technician.id}
            technician={technician}
            jobs={jobsOf(technician.id)}
            columns={columns}
            layout={layout}
            today={today}
            dayLabel={formats.dayHeading}
          />
        ))}
      </Box>
    </Box>
  );
}
