import { Button, Text } from '@mantine/core';
import { DataTable, ErrorNotice, LoadingState, RunStateBadge, SectionCard, type DataTableColumn, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import type { DunningRunSummaryFragment } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';
import { useDunningRuns } from '../hooks/use-dunning';

/** "Historique": the latest runs, the clerk's and the daily ones, newest first, each opening its outcome above. */
export function HistoryTab({ onOpen }: { onOpen: (runId: string) => void }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const { runs, loading, error, retry } = useDunningRuns();
  const columns: DataTableColumn<DunningRunSummaryFragment>[] = [
    { key: 'createdAt', header: t('dunning.history.column.createdAt'), render: (run) => format.dateTime(run.createdAt) },
    { key: 'runOn', header: t('dunning.history.column.runOn'), render: (run) => format.date(run.runOn) },
    {
      key: 'trigger',
      header: t('dunning.history.column.trigger'),
      render: (run) => t(`dunning.trigger.${run.trigger === 'DAILY' ? 'DAILY' : 'MANUAL'}`),
    },
    { key: 'state', header: t('dunning.history.column.state'), render: (run) => <RunStateBadge state={run.state} /> },
    { key: 'planned', header: t('dunning.history.column.planned'), align: 'right', render: (run) => format.count(run.planned) },
    { key: 'sent', header: t('dunning.history.column.sent'), align: 'right', render: (run) => format.count(run.sent) },
    {
      key: 'failed',
      header: t('dunning.history.column.failed'),
      align: 'right',
      render: (run) => (
        <Text size="sm" c={run.failed > 0 ? 'red.8' : undefined} fw={run.failed > 0 ? 600 : undefined}>
          {format.count(run.failed)}
        </Text>
      ),
    },
    {
      key: 'open',
      header: '',
      align: 'right',
      render: (run) => (
        <Button
          size="compact-xs"
          variant="light"
          aria-label={t('dunning.history.openLabel', { date: format.dateTime(run.createdAt) })}
          onClick={() => {
            onOpen(run.id);
            window.scrollTo({ top: 0, behavior: 'smooth' });
          }}
        >
          {t('dunning.history.open')}
        </Button>
      ),
    },
  ];
  return (
    <SectionCard title={t('dunning.history.title')}>
      {Boolean(error) && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : (
        <div data-testid="dunning-history">
          <DataTable columns={columns} rows={runs} rowKey={(run) => run.id} emptyLabel={t('dunning.history.empty')} />
        </div>
      )}
    </SectionCard>
  );
}
