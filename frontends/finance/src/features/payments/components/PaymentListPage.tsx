import { Button } from '@mantine/core';
import { ErrorNotice, LoadingState, PageHeader, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { RecordPaymentModal } from '../../record-payment/components/RecordPaymentModal';
import { noPaymentFilters, usePaymentList } from '../hooks/use-payment-list';
import { PaymentFiltersBar } from './PaymentFiltersBar';
import { PaymentTable } from './PaymentTable';

/** "Encaissements": the payments received, newest first, and where new ones are recorded. */
export function PaymentListPage() {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const [filters, setFilters] = useState(noPaymentFilters);
  const [recording, setRecording] = useState(false);
  const { payments, totalCount, loading, error, retry, loadMore } = usePaymentList(filters);

  return (
    <>
      <PageHeader
        title={t('payments.title')}
        subtitle={
          totalCount === undefined ? undefined : t('payments.count', { count: totalCount, formattedCount: format.count(totalCount) })
        }
      >
        <Button onClick={() => setRecording(true)}>{t('payments.record')}</Button>
      </PageHeader>
      <PaymentFiltersBar filters={filters} onChange={setFilters} />
      {error && <ErrorNotice onRetry={retry} />}
      {loading ? <LoadingState /> : <PaymentTable payments={payments} loadMore={loadMore} />}
      {recording && <RecordPaymentModal onClose={() => setRecording(false)} />}
    </>
  );
}
