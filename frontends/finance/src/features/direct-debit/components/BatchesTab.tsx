import { Group, SegmentedControl, Text } from '@mantine/core';
import { DataTable, ErrorNotice, LoadingState, SectionCard, useFormatters, type DataTableColumn } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DirectDebitBatchState } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';
import { financePaths } from '../../../routes';
import { useDirectDebitBatches, type DirectDebitBatchSummary } from '../hooks/use-batches';
import { BatchStateBadge } from './BatchStateBadge';

const states: DirectDebitBatchState[] = ['SUBMITTED', 'SETTLED', 'CANCELLED'];
const isState = (value: string): value is DirectDebitBatchState => states.some((state) => state === value);

/** "Lots": the batches made, most recent first, by state; a click opens one. */
export function BatchesTab() {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const navigate = useNavigate();
  const [state, setState] = useState<DirectDebitBatchState | null>(null);
  const { batches, totalCount, loading, error, retry, loadMore } = useDirectDebitBatches(state);
  const columns: DataTableColumn<DirectDebitBatchSummary>[] = [
    {
      key: 'messageId',
      header: t('directDebit.batches.column.messageId'),
      render: (batch) => (
        <Text size="sm" fw={600} ff="monospace">
          {batch.messageId}
        </Text>
      ),
    },
    { key: 'collectionDate', header: t('directDebit.batches.column.collectionDate'), render: (batch) => format.date(batch.collectionDate) },
    { key: 'state', header: t('directDebit.batches.column.state'), render: (batch) => <BatchStateBadge state={batch.state} /> },
    {
      key: 'itemCount',
      header: t('directDebit.batches.column.itemCount'),
      align: 'right',
      render: (batch) => format.count(batch.itemCount),
    },
    {
      key: 'totalAmount',
      header: t('directDebit.batches.column.totalAmount'),
      align: 'right',
      render: (batch) => <span data-testid="batch-amount">{format.money(batch.totalAmount)}</span>,
    },
    { key: 'createdAt', header: t('directDebit.batches.column.createdAt'), render: (batch) => format.dateTime(batch.createdAt) },
  ];
  return (
    <SectionCard
      title={
        totalCount === undefined
          ? t('directDebit.tab.batches')
          : t('directDebit.batches.count', { count: totalCount, formattedCount: format.count(totalCount) })
      }
    >
      <Group mb="md">
        <SegmentedControl
          aria-label={t('directDebit.batches.filter')}
          value={state ?? 'ALL'}
          onChange={(value) => setState(isState(value) ? value : null)}
          data={[
            { value: 'ALL', label: t('directDebit.batches.all') },
            ...states.map((value) => ({ value, label: t(`directDebit.batchState.${value}`) })),
          ]}
        />
      </Group>
      {Boolean(error) && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : (
        <div data-testid="batches">
          <DataTable
            columns={columns}
            rows={batches}
            rowKey={(batch) => batch.id}
            emptyLabel={t('directDebit.batches.empty')}
            onRowClick={(batch) => void navigate(financePaths.directDebitBatch(batch.id))}
            loadMore={loadMore}
          />
        </div>
      )}
    </SectionCard>
  );
}
