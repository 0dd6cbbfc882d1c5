import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { FieldList, PageHeader, SectionCard, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { batchActions, type DirectDebitBatchDetail, type DirectDebitItem } from '../hooks/use-batches';
import { BatchItemsTable } from './BatchItemsTable';
import { BatchStateBadge } from './BatchStateBadge';
import { CancelBatchModal } from './CancelBatchModal';
import { ReturnItemModal } from './ReturnItemModal';
import { SettleBatchModal } from './SettleBatchModal';

type Dialog = { kind: 'settle' } | { kind: 'cancel' } | { kind: 'return'; item: DirectDebitItem };

/** A batch: its file to send to the bank, its invoices and what became of each, and what can still be done. */
export function BatchView({ batch, reload }: { batch: DirectDebitBatchDetail; reload: () => void }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const can = batchActions(batch);
  const close = () => setDialog(null);
  return (
    <Stack>
      <PageHeader
        title={t('directDebit.batch.title', { messageId: batch.messageId })}
        subtitle={
          <Group gap="xs" component="span">
            {t('directDebit.batch.subtitle', {
              date: format.date(batch.collectionDate),
              count: t('directDebit.batch.itemCount', { count: batch.itemCount, formattedCount: format.count(batch.itemCount) }),
              amount: format.money(batch.totalAmount),
            })}
            <BatchStateBadge state={batch.state} />
          </Group>
        }
      >
        <Group gap="xs">
          {can.cancel && (
            <Button variant="default" color="red" onClick={() => setDialog({ kind: 'cancel' })}>
              {t('directDebit.batch.cancel')}
            </Button>
          )}
          <Button component="a" href={batch.pain008Url} download variant="light" data-testid="pain008-download">
            {t('directDebit.batch.download')}
          </Button>
          {can.settle && <Button onClick={() => setDialog({ kind: 'settle' })}>{t('directDebit.batch.settle')}</Button>}
        </Group>
      </PageHeader>
      {batch.state === 'CANCELLED' && batch.cancelledOn && (
        <Alert color="gray" data-testid="batch-cancelled">
          {t('directDebit.batch.cancelled', { date: format.date(batch.cancelledOn), reason: batch.cancellationReason })}
        </Alert>
      )}
      {batch.state === 'SUBMITTED' && (
        <Alert color="blue">
          <Text size="sm">{t('directDebit.batch.submittedHint')}</Text>
        </Alert>
      )}
      <SectionCard title={t('directDebit.batch.summary')}>
        <FieldList
          fields={[
            {
              label: t('directDebit.batch.messageId'),
              value: <span style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>{batch.messageId}</span>,
            },
            { label: t('directDebit.batch.collectionDate'), value: format.date(batch.collectionDate) },
            { label: t('directDebit.batch.itemCountLabel'), value: format.count(batch.itemCount) },
            {
              label: t('directDebit.batch.totalAmount'),
              value: <strong data-testid="batch-detail-amount">{format.money(batch.totalAmount)}</strong>,
            },
            { label: t('directDebit.batch.submittedOn'), value: format.date(batch.submittedOn) },
            { label: t('directDebit.batch.settledOn'), value: batch.settledOn ? format.date(batch.settledOn) : null },
            { label: t('directDebit.batch.createdAt'), value: format.dateTime(batch.createdAt) },
          ]}
        />
      </SectionCard>
      <BatchItemsTable batch={batch} onReturn={(item) => setDialog({ kind: 'return', item })} />
      {dialog?.kind === 'settle' && <SettleBatchModal batch={batch} onClose={close} onReload={reload} />}
      {dialog?.kind === 'cancel' && <CancelBatchModal batch={batch} onClose={close} onReload={reload} />}
      {dialog?.kind === 'return' && <ReturnItemModal item={dialog.item} onClose={close} onReload={reload} />}
    </Stack>
  );
}
