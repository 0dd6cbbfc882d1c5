import { DndContext, DragOverlay, pointerWithin } from '@dnd-kit/core';
import { Box, Button, Group, Loader } from '@mantine/core';
import { ErrorNotice, LoadingState, PageHeader } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { planningNamespace } from '../../../i18n/register';
import { planningPaths } from '../../../routes';
import { useDateFormats } from '../../../shared/use-date-formats';
import { useBoardDrag } from '../hooks/use-board-drag';
import { useBoardWeek } from '../hooks/use-board-week';
import { useDispatchBoard } from '../hooks/use-dispatch-board';
import { useScheduleJob } from '../hooks/use-schedule-job';
import { BoardGrid } from './BoardGrid';
import { BoardLegend } from './BoardLegend';
import { JobDragPreview } from './JobBlock';
import { UnscheduledPanel } from './UnscheduledPanel';
import { WeekNavigator } from './WeekNavigator';

/** The planner's home: the week's board and the requests to schedule, side by side. */
export function DispatchBoardPage() {
  const { t } = useTranslation(planningNamespace);
  const formats = useDateFormats();
  const week = useBoardWeek();
  const board = useDispatchBoard(week);
  const { scheduleJob, unscheduleJob, saving } = useScheduleJob(board.refetch);
  const drag = useBoardDrag({
    technicians: board.technicians,
    onSchedule: (request) => void scheduleJob(request),
    onUnschedule: (job) => void unscheduleJob(job),
  });

  return (
    <>
      <PageHeader
        title={t('board.title')}
        subtitle={
          <Group gap="xs" component="span">
            {week.span === 1
              ? formats.weekdayLong(week.fromDate)
              : t('board.subtitle', { from: formats.longDate(week.fromDate), to: formats.longDate(week.toDate) })}
            {(saving || board.refreshing) && <Loader size="xs" />}
          </Group>
        }
      >
        <Group gap="sm">
          <WeekNavigator span={week.span} onSpan={week.setSpan} onPrevious={week.previous} onToday={week.goToday} onNext={week.next} />
          <Button size="xs" component={Link} to={planningPaths.newRequest}>
            {t('nav.newRequest')}
          </Button>
        </Group>
      </PageHeader>
      {board.error && <ErrorNotice onRetry={() => void board.refetch()} />}
      {board.loading ? (
        <LoadingState />
      ) : (
        <DndContext
          sensors={drag.sensors}
          collisionDetection={pointerWithin}
          onDragStart={drag.onDragStart}
          onDragEnd={drag.onDragEnd}
          onDragCancel={drag.onDragCancel}
        >
          <Group align="flex-start" gap="sm" wrap="nowrap">
            <UnscheduledPanel jobs={board.unscheduled} />
            <Box style={{ flex: 1, minWidth: 0 }}>
              <BoardGrid
                technicians={board.technicians}
                jobsOf={board.jobsOf}
                days={week.days}
                today={week.today}
                onFocusDay={week.focusDay}
              />
              <BoardLegend />
            </Box>
          </Group>
          <DragOverlay dropAnimation={null}>
            {drag.dragged && drag.dragged.kind !== 'resize' ? <JobDragPreview job={drag.dragged.job} /> : null}
          </DragOverlay>
        </DndContext>
      )}
    </>
  );
}
