import { Table } from '@mantine/core';
import { SectionCard, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import type { PaymentDetail } from '../hooks/use-payment';

/** Credit paid back to the customer out of this payment. */
export function RefundsCard({ refunds }: { refunds: PaymentDetail['refunds'] }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  return (
    <SectionCard title={t('payment.refunds.title')}>
      <Table verticalSpacing="xs" data-testid="refunds">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('payment.refunds.refundedOn')}</Table.Th>
            <Table.Th>{t('payment.refunds.method')}</Table.Th>
            <Table.Th>{t('payment.refunds.reference')}</Table.Th>
            <Table.Th ta="right">{t('payment.refunds.amount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {refunds.map((refund) => (
            <Table.Tr key={refund.id}>
              <Table.Td>{format.date(refund.refundedOn)}</Table.Td>
              <Table.Td>{t(`paymentMethod.${refund.method}`)}</Table.Td>
              <Table.Td>{refund.reference ?? '—'}</Table.Td>
              <Table.Td ta="right">{format.money(refund.amount)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </SectionCard>
  );
}
