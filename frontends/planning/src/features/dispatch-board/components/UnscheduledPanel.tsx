import { useDroppable } from '@dnd-kit/core';
import { Badge, Group, Paper, ScrollArea, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../../../i18n/register';
import { unscheduledDropId } from '../hooks/use-board-drag';
import type { BoardJob } from '../hooks/use-dispatch-board';
import { UnscheduledCard } from './UnscheduledCard';

const matches = (job: BoardJob, search: string) =>
  [job.number, job.title, job.customer.name, job.site.name, job.site.address.city].some((text) =>
    text.toLocaleLowerCase('fr').includes(search.toLocaleLowerCase('fr')),
  );

/** "À planifier": the requests in the server's order (most urgent deadline first); drop a job here to unschedule it. */
export function UnscheduledPanel({ jobs, onPlan }: { jobs: readonly BoardJob[]; onPlan: (job: BoardJob) => void }) {
  const { t } = useTranslation(planningNamespace);
  const [search, setSearch] = useState('');
  const { setNodeRef, isOver } = useDroppable({ id: unscheduledDropId });
  const shown = search ? jobs.filter((job) => matches(job, search)) : jobs;
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p="xs"
      w={290}
      style={{ flexShrink: 0, background: isOver ? 'var(--mantine-color-indigo-0)' : 'var(--mantine-color-gray-0)' }}
      aria-label={t('unscheduled.title')}
      component="section"
    >
      <Group justify="space-between" mb={6}>
        <Title order={4}>{t('unscheduled.title')}</Title>
        <Badge variant="light">{t('unscheduled.count', { count: jobs.length })}</Badge>
      </Group>
      <TextInput
        size="xs"
        type="search"
        placeholder={t('unscheduled.filter')}
        aria-label={t('unscheduled.filter')}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        mb={6}
      />
      <ScrollArea.Autosize
        mah="calc(100vh - 260px)"
        type="auto"
        scrollbars="y"
        offsetScrollbars="y"
        // Mantine lays the content out as a table, which grows to its widest line: keep it to the panel.
        styles={{ content: { display: 'block', minWidth: 0 } }}
      >
        <Stack gap={6}>
          {shown.map((job) => (
            <UnscheduledCard key={job.id} job={job} onPlan={onPlan} />
          ))}
          {shown.length === 0 && (
            <Text size="sm" c="dimmed" ta="center" py="md">
              {t('unscheduled.empty')}
            </Text>
          )}
        </Stack>
      </ScrollArea.Autosize>
    </Paper>
  );
}
