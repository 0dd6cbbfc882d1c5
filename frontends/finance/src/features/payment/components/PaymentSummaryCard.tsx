import { Anchor } from '@mantine/core';
import { FieldList, SectionCard, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { financeNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import type { PaymentDetail } from '../hooks/use-payment';

/** Who paid, when, how, and where the money went: allocated, refunded, left as credit. */
export function PaymentSummaryCard({ payment }: { payment: PaymentDetail }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  return (
    <SectionCard title={t('payment.summary')}>
      <FieldList
        fields={[
          {
            label: t('payment.customer'),
            value: (
              <Anchor component={Link} to={billingPaths.customer(payment.customer.id)}>
                {payment.customer.name}
              </Anchor>
            ),
          },
          { label: t('payment.receivedOn'), value: format.date(payment.receivedOn) },
          { label: t('payment.method'), value: t(`paymentMethod.${payment.method}`) },
          { label: t('payment.reference'), value: payment.reference },
          { label: t('payment.payer'), value: payment.payerName },
          { label: t('payment.payerIban'), value: payment.payerIban },
          { label: t('payment.amount'), value: <strong>{format.money(payment.amount)}</strong> },
          { label: t('payment.allocated'), value: format.money(payment.allocatedAmount) },
          { label: t('payment.refunded'), value: format.money(payment.refundedAmount) },
          {
            label: t('payment.unallocated'),
            value: <span data-testid="payment-detail-unallocated">{format.money(payment.unallocatedAmount)}</span>,
          },
        ]}
      />
    </SectionCard>
  );
}
