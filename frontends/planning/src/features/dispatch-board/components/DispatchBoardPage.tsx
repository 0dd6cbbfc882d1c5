import { DndContext, DragOverlay, pointerWithin } from '@dnd-kit/core';
import { Box, Button, Group, Loader } from '@mantine/core';
import { ErrorNotice, LoadingState, PageHeader } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { planningNamespace } from '../../../i18n/register';
import { planningPaths } from '../../../routes';
import { useDateFormats } from '../../../shared/use-date-formats';
import { boardColumns, layoutOf } from '../hooks/board-layout';
import { useBoardDrag } from '../hooks/use-board-drag';
import { useBoardWeek } from '../hooks/use-board-week';
import { useDispatchBoard } from '../hooks/use-dispatch-board';
import { usePlanDialog } from '../hooks/use-plan-dialog';
import { useScheduleJob } from '../hooks/use-schedule-job';
import { BoardGrid } from './BoardGrid';
import { BoardLegend } from './BoardLegend';
import { JobDragPreview } from './JobBlock';
import { ScheduleJobModal } from './ScheduleJobModal';
import { UnscheduledPanel } from './UnscheduledPanel';
import { WeekNavigator } from './WeekNavigator';

/** The planner's home: the week's board and the requests to schedule, side by side. */
export function DispatchBoardPage() {
  const { t } = useTranslation(planningNamespace);
  const formats = useDateFormats();
  const week = useBoardWeek();
  const board = useDispatchBoard(week);
  const { scheduleJob, unscheduleJob, saving } = useScheduleJob(board.refetch);
  const plan = usePlanDialog({
    technicians: board.technicians,
    jobsOf: board.jobsOf,
    defaultDate: week.days.some((day) => day.date === week.today) ? week.today : week.fromDate,
  });
  const drag = useBoardDrag({
    technicians: board.technicians,
    onSchedule: (request) => void scheduleJob(request),
    onUnschedule: (job) => void unscheduleJob(job),
    onPlan: ({ job, ...target }) => plan.open(job, target),
  });
  const layout = layoutOf(week.span);
  const columns = boardColumns(
    week.days.map((day) => day.date),
    board.busyDates,
  );

  return (
    <>
      <PageHeader
        title={t('board.title')}
        subtitle={
          <Group gap="xs" component="span">
            {week.span === 1
              ? formats.weekdayLong(week.fromDate)
              : t(week.span === 7 ? 'board.subtitle' : 'board.range', {
                  from: formats.longDate(week.fromDate),
                  to: formats.longDate(week.toDate),
                })}
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
            <UnscheduledPanel jobs={board.unscheduled} onPlan={(job) => plan.open(job)} />
            <Box style={{ flex: 1, minWidth: 0 }}>
              <BoardGrid
                technicians={board.technicians}
                jobsOf={board.jobsOf}
                columns={columns}
                layout={layout}
                today={week.today}
                onFocusDay={week.focusDay}
              />
              <BoardLegend layout={layout} />
            </Box>
          </Group>
          <DragOverlay dropAnimation={null}>
            {drag.dragged && drag.dragged.kind !== 'resize' ? <JobDragPreview job={drag.dragged.job} /> : null}
          </DragOverlay>
        </DndContext>
      )}
      {plan.planned && (
        <ScheduleJobModal
          key={plan.planned.job.id}
          job={plan.planned.job}
          initial={plan.planned.initial}
          technicians={board.technicians}
          onClose={plan.close}
          onSchedule={scheduleJob}
        />
      )}
    </>
  );
}
