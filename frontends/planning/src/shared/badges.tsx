import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InterventionPriority, InterventionStatus, ScheduleWarningKind } from '../gql/graphql';
import { planningNamespace } from '../i18n/register';
import { useDateFormats } from './use-date-formats';

export const statusColor: Record<InterventionStatus, string> = {
  REQUESTED: 'gray',
  SCHEDULED: 'blue',
  IN_PROGRESS: 'orange',
  COMPLETED: 'teal',
  CLOSED: 'green',
  INVOICED: 'violet',
  CANCELLED: 'dark',
};

export const priorityColor: Record<InterventionPriority, string> = {
  URGENT: 'red',
  HIGH: 'orange',
  NORMAL: 'blue',
  LOW: 'gray',
};

export function StatusBadge({ status }: { status: InterventionStatus }) {
  const { t } = useTranslation(planningNamespace);
  return (
    <Badge color={statusColor[status]} variant="light" size="sm">
      {t(`enum.status.${status}`)}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: InterventionPriority }) {
  const { t } = useTranslation(planningNamespace);
  return (
    <Badge color={priorityColor[priority]} variant={priority === 'URGENT' ? 'filled' : 'light'} size="sm">
      {t(`enum.priority.${priority}`)}
    </Badge>
  );
}

/** The SLA deadline the server computed, in red once passed. */
export function DueBy({ dueBy, compact = false }: { dueBy: string | null | undefined; compact?: boolean }) {
  const { t } = useTranslation(planningNamespace);
  const formats = useDateFormats();
  if (!dueBy) return <Text size="sm">{t('common.none')}</Text>;
  const overdue = new Date(dueBy).getTime() < Date.now();
  const label = compact ? t('common.dueByShort', { date: formats.shortDateTime(dueBy) }) : formats.dateTime(dueBy);
  return (
    <Text size={compact ? 'xs' : 'sm'} c={overdue ? 'red' : undefined} fw={overdue ? 600 : undefined}>
      {label}
      {overdue && ` (${t('common.overdue')})`}
    </Text>
  );
}

export interface WarningView {
  kind: ScheduleWarningKind;
  message: string;
}

/** The warnings the server computed for a scheduled job, each with its message on hover. */
export function WarningBadges({ warnings }: { warnings: readonly WarningView[] }) {
  const { t } = useTranslation(planningNamespace);
  if (warnings.length === 0) return null;
  return (
    <Group gap={4}>
      {warnings.map((warning) => (
        <Tooltip key={`${warning.kind}-${warning.message}`} label={warning.message} multiline maw={320}>
          <Badge color="orange" variant="outline" size="sm">
            {t(`enum.warning.${warning.kind}`)}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}
