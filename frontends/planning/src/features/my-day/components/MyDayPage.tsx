import { Box, Stack, Text, Title } from '@mantine/core';
import { ErrorNotice, LoadingState } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../../../i18n/register';
import { useDateFormats } from '../../../shared/use-date-formats';
import { useMyDay } from '../hooks/use-my-day';
import { MyDayJobCard } from './MyDayJobCard';

/** "Ma journée": the technician's jobs today, on a phone. */
export function MyDayPage() {
  const { t } = useTranslation(planningNamespace);
  const formats = useDateFormats();
  const { date, jobs, loading, error, retry } = useMyDay();
  return (
    <Box maw={560} mx="auto">
      <Title order={2}>{t('myDay.title')}</Title>
      <Text c="dimmed" mb="md">
        {formats.weekdayLong(date)}
      </Text>
      {error && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : (
        <Stack gap="sm">
          {jobs.map((job) => (
            <MyDayJobCard key={job.id} job={job} />
          ))}
          {jobs.length === 0 && <Text c="dimmed">{t('myDay.empty')}</Text>}
        </Stack>
      )}
    </Box>
  );
}
