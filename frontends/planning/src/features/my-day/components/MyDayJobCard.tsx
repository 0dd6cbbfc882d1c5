import { Anchor, Box, Button, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyDayQuery } from '../../../gql/graphql';
import { planningNamespace } from '../../../i18n/register';
import { planningPaths } from '../../../routes';
import { hoursLabel } from '../../../shared/hours';
import { PriorityBadge, StatusBadge, priorityColor } from '../../../shared/badges';
import { minutesBetween } from '../../../shared/paris-time';
import { useDateFormats } from '../../../shared/use-date-formats';
import { mapHref, telHref } from '../hooks/contact-links';
import { myDayHref } from '../hooks/use-my-day';

type Job = MyDayQuery['myDay'][number];

/** A job of the day: open it, call the customer, or get directions to the site. */
export function MyDayJobCard({ job, date }: { job: Job; date: string }) {
  const { t } = useTranslation(planningNamespace);
  const formats = useDateFormats();
  const minutes =
    job.scheduledStart && job.scheduledEnd ? minutesBetween(job.scheduledStart, job.scheduledEnd) : job.estimatedDurationMinutes;
  const { address } = job.site;
  return (
    <Paper withBorder p="sm" style={{ borderLeft: `4px solid var(--mantine-color-${priorityColor[job.priority]}-6)` }}>
      <Anchor component={Link} to={myDayHref(planningPaths.myDayJob(job.id), date)} underline="never" c="inherit" display="block">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text fw={700} size="lg">
            {job.scheduledStart && job.scheduledEnd
              ? t('myDay.slot', { start: formats.time(job.scheduledStart), end: formats.time(job.scheduledEnd) })
              : ''}
            <Text span c="dimmed" fw={500} size="sm" ml={6} data-testid="my-day-duration">
              {hoursLabel(minutes, formats.locale)}
            </Text>
          </Text>
          <StatusBadge status={job.status} />
        </Group>
        <Text fw={600}>{job.title}</Text>
        <Text size="sm">{job.customer.name}</Text>
        <Text size="sm" c="dimmed">
          {job.site.name} — {address.line1}, {address.postalCode} {address.city}
        </Text>
        <Group justify="space-between" mt={4}>
          <Text size="xs" c="dimmed">
            {job.number} · {t(`enum.type.${job.type}`)}
            {job.equipment && ` · ${job.equipment.name}`}
          </Text>
          <PriorityBadge priority={job.priority} />
        </Group>
      </Anchor>
      <Box mt="xs">
        <Group gap="xs" grow>
          <Button component="a" href={mapHref(address)} target="_blank" rel="noopener" variant="light" title={t('myDay.mapTitle')}>
            {t('myDay.map')}
          </Button>
          {job.customer.phone && (
            <Button
              component="a"
              href={telHref(job.customer.phone)}
              variant="light"
              aria-label={`${t('myDay.call')} ${job.customer.phone}`}
            >
              {t('myDay.call')}
            </Button>
          )}
        </Group>
      </Box>
    </Paper>
  );
}
