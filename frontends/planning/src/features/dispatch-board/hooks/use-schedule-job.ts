import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ScheduleInterventionDocument, UnscheduleInterventionDocument } from '../../../gql/graphql';
import { planningNamespace } from '../../../i18n/register';
import { useNotify } from '../../../shared/notifications';
import { useActionFeedback } from '../../../shared/use-action-feedback';
import { useDateFormats } from '../../../shared/use-date-formats';
import type { BoardJob } from './use-dispatch-board';

export interface ScheduleRequest {
  job: BoardJob;
  technicianIds: string[];
  technicianName: string;
  start: string;
  end: string;
}

/**
 * Schedules, moves, reassigns or resizes a job with the version the board read. The server
 * answers with its warnings (overlap, absence, hours, skills, SLA), shown after the drop.
 */
export function useScheduleJob(reload: () => unknown) {
  const { t } = useTranslation(planningNamespace);
  const formats = useDateFormats();
  const notify = useNotify();
  const run = useActionFeedback(reload);
  const [schedule, { loading }] = useMutation(ScheduleInterventionDocument, { refetchQueries: ['DispatchBoard'] });
  const [unschedule] = useMutation(UnscheduleInterventionDocument, { refetchQueries: ['DispatchBoard'] });

  /** True once the server scheduled it (with or without warnings). */
  async function scheduleJob({ job, technicianIds, technicianName, start, end }: ScheduleRequest): Promise<boolean> {
    const result = await run(() => schedule({ variables: { id: job.id, technicianIds, start, end, expectedVersion: job.version } }));
    const scheduled = result?.data?.scheduleIntervention;
    if (!scheduled) return false;
    const summary = t('board.scheduled', {
      number: scheduled.number,
      date: formats.dayHeading(start),
      start: formats.time(start),
      end: formats.time(end),
      technician: technicianName,
    });
    if (scheduled.warnings.length === 0) notify({ tone: 'success', title: summary });
    else
      notify({
        tone: 'warning',
        title: t('board.scheduledWithWarnings', { number: scheduled.number }),
        lines: [summary, ...scheduled.warnings.map((warning) => `${t(`enum.warning.${warning.kind}`)} : ${warning.message}`)],
      });
    return true;
  }

  async function unscheduleJob(job: BoardJob) {
    const result = await run(() => unschedule({ variables: { id: job.id, expectedVersion: job.version } }));
    if (result?.data) notify({ tone: 'success', title: t('board.unscheduled', { number: job.number }) });
  }

  return { scheduleJob, unscheduleJob, saving: loading };
}
