import { Anchor, Stack } from '@mantine/core';
import { ErrorNotice, LoadingState, PageHeader } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { financeNamespace } from '../../../i18n/register';
import { financePaths } from '../../../routes';
import { usePayment } from '../hooks/use-payment';
import { PaymentView } from './PaymentView';

/** /finance/payments/:paymentId */
export function PaymentPage() {
  const { t } = useTranslation(financeNamespace);
  const { paymentId = '' } = useParams();
  const { payment, loading, error, reload } = usePayment(paymentId);
  return (
    <Stack>
      <Anchor component={Link} to={financePaths.payments} size="sm">
        ← {t('payment.back')}
      </Anchor>
      {error && <ErrorNotice onRetry={reload} />}
      {loading && <LoadingState />}
      {!loading && !error && !payment && <PageHeader title={t('payment.notFound')} />}
      {payment && <PaymentView payment={payment} reload={reload} />}
    </Stack>
  );
}
