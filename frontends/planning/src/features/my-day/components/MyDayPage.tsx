import { ActionIcon, Anchor, Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { ErrorNotice, LoadingState } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../../../i18n/register';
import { useDateFormats } from '../../../shared/use-date-formats';
import { useMyDay } from '../hooks/use-my-day';
import { MyDayJobCard } from './MyDayJobCard';

/** "Ma journée": the technician's jobs of a day (today first), on a phone; the days before and after a tap away. */
export function MyDayPage() {
  const { t } = useTranslation(planningNamespace);
  const formats = useDateFormats();
  const day = useMyDay();
  return (
    <Box maw={560} mx="auto">
      <Title order={1} size="h2">
        {t('myDay.title')}
      </Title>
      {/* The offline app (frontends/field) is served beside the back-office, not as a remote. */}
      <Anchor href="/terrain/" size="sm">
        {t('myDay.offlineApp')}
      </Anchor>
      <Group justify="space-between" wrap="nowrap" gap="xs" my="xs">
        <ActionIcon variant="default" size="xl" onClick={day.previous} aria-label={t('myDay.previousDay')} title={t('myDay.previousDay')}>
          ‹
        </ActionIcon>
        <Stack gap={0} align="center">
          <Text fw={600} data-testid="my-day-date">
            {formats.weekdayLong(day.date)}
          </Text>
          {!day.isToday && (
            <Button variant="subtle" size="compact-sm" onClick={day.goToday}>
              {t('myDay.today')}
            </Button>
          )}
        </Stack>
        <ActionIcon variant="default" size="xl" onClick={day.next} aria-label={t('myDay.nextDay')} title={t('myDay.nextDay')}>
          ›
        </ActionIcon>
      </Group>
      {day.error && <ErrorNotice onRetry={day.retry} />}
      {day.loading ? (
        <LoadingState />
      ) : (
        <Stack gap="sm">
          {day.jobs.map((job) => (
            <MyDayJobCard key={job.id} job={job} date={day.date} />
          ))}
          {day.jobs.length === 0 && <Text c="dimmed">{day.isToday ? t('myDay.empty') : t('myDay.emptyDay')}</Text>}
        </Stack>
      )}
    </Box>
  );
}
