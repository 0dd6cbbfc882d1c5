import { Anchor, Stack } from '@mantine/core';
import { ErrorNotice, LoadingState, PageHeader } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { financeNamespace } from '../../../i18n/register';
import { financePaths } from '../../../routes';
import { useDirectDebitBatch } from '../hooks/use-batches';
import { BatchView } from './BatchView';

/** /finance/direct-debit/batches/:batchId */
export function BatchPage() {
  const { t } = useTranslation(financeNamespace);
  const { batchId = '' } = useParams();
  const { batch, loading, error, reload } = useDirectDebitBatch(batchId);
  return (
    <Stack>
      <Anchor component={Link} to={`${financePaths.directDebit}?tab=batches`} size="sm">
        ← {t('directDebit.batch.back')}
      </Anchor>
      {error && <ErrorNotice onRetry={reload} />}
      {loading && <LoadingState />}
      {!loading && !error && !batch && <PageHeader title={t('directDebit.batch.notFound')} />}
      {batch && <BatchView batch={batch} reload={reload} />}
    </Stack>
  );
}
