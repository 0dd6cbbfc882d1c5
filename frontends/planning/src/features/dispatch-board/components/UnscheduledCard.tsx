import { useDraggable } from '@dnd-kit/core';
import { Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../../../i18n/register';
import { DueBy, PriorityBadge, priorityColor } from '../../../shared/badges';
import { hoursLabel } from '../../../shared/hours';
import { useSkillNames } from '../../../shared/skills';
import { useDateFormats } from '../../../shared/use-date-formats';
import type { DragPayload } from '../hooks/use-board-drag';
import type { BoardJob } from '../hooks/use-dispatch-board';

/** A request waiting to be scheduled: drag it onto a technician's day, or click it (or Enter) for the form. */
export function UnscheduledCard({ job, onPlan }: { job: BoardJob; onPlan: (job: BoardJob) => void }) {
  const { t } = useTranslation(planningNamespace);
  const { setNodeRef, listeners, attributes, isDragging } = useDraggable({
    id: `request:${job.id}`,
    data: { kind: 'schedule', job } satisfies DragPayload,
  });
  const formats = useDateFormats();
  const skillNames = useSkillNames();
  return (
    <Paper
      ref={setNodeRef}
      {...listeners}
      {...attributes}
      role="button"
      aria-haspopup="dialog"
      title={t('unscheduled.planHint')}
      data-job-number={job.number}
      onClick={() => onPlan(job)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onPlan(job);
        }
      }}
      withBorder
      p={6}
      style={{
        cursor: 'grab',
        opacity: isDragging ? 0.4 : 1,
        borderLeft: `3px solid var(--mantine-color-${priorityColor[job.priority]}-6)`,
        touchAction: 'none',
      }}
    >
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text fz={11} fw={700} c="dimmed">
          {job.number}
        </Text>
        <PriorityBadge priority={job.priority} />
      </Group>
      <Text size="sm" fw={600} lh={1.25} lineClamp={2}>
        {job.title}
      </Text>
      <Text fz={12} c="dark.4" truncate="end">
        {job.customer.name} · {job.site.address.city}
      </Text>
      {job.source === 'PORTAL' && (
        <>
          <Text fz={11} c="indigo.7" fw={600} truncate="end">
            {t('unscheduled.fromPortal', { name: job.requestedBy ?? job.customer.name })}
          </Text>
          {job.description && (
            <Text fz={11} c="dark.3" lineClamp={3} style={{ whiteSpace: 'pre-line' }}>
              {job.description}
            </Text>
          )}
        </>
      )}
      <Group justify="space-between" gap={4} wrap="wrap">
        <DueBy dueBy={job.dueBy} compact />
        <Text fz={11} c="dimmed" title={t('unscheduled.estimatedTitle')}>
          {t(`enum.type.${job.type}`)} · {hoursLabel(job.estimatedDurationMinutes, formats.locale)}
        </Text>
      </Group>
      {job.requiredSkills.length > 0 && (
        <Text fz={11} c="dimmed" truncate="end">
          {skillNames(job.requiredSkills).join(' · ')}
        </Text>
      )}
    </Paper>
  );
}
