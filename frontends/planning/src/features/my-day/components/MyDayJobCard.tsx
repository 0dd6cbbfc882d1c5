import { Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyDayQuery } from '../../../gql/graphql';
import { planningNamespace } from '../../../i18n/register';
import { planningPaths } from '../../../routes';
import { PriorityBadge, StatusBadge, priorityColor } from '../../../shared/badges';
import { useDateFormats } from '../../../shared/use-date-formats';

type Job = MyDayQuery['myDay'][number];

export function MyDayJobCard({ job }: { job: Job }) {
  const { t } = useTranslation(planningNamespace);
  const formats = useDateFormats();
  return (
    <Paper
      component={Link}
      to={planningPaths.myDayJob(job.id)}
      withBorder
      p="sm"
      aria-label={`${job.number} — ${job.title}`}
      style={{
        display: 'block',
        color: 'inherit',
        textDecoration: 'none',
        borderLeft: `4px solid var(--mantine-color-${priorityColor[job.priority]}-6)`,
      }}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text fw={700} size="lg">
          {job.scheduledStart && job.scheduledEnd
            ? t('myDay.slot', { start: formats.time(job.scheduledStart), end: formats.time(job.scheduledEnd) })
            : ''}
        </Text>
        <StatusBadge status={job.status} />
      </Group>
      <Text fw={600}>{job.title}</Text>
      <Text size="sm">{job.customer.name}</Text>
      <Text size="sm" c="dimmed">
        {job.site.name} — {job.site.address.line1}, {job.site.address.postalCode} {job.site.address.city}
      </Text>
      <Group justify="space-between" mt={4}>
        <Text size="xs" c="dimmed">
          {job.number} · {t(`enum.type.${job.type}`)}
          {job.equipment && ` · ${job.equipment.name}`}
        </Text>
        <PriorityBadge priority={job.priority} />
      </Group>
    </Paper>
  );
}
