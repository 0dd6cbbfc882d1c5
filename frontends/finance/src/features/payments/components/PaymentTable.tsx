import { Text } from '@mantine/core';
import { DataTable, useFormatters, type DataTableColumn, type DataTableProps } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { financeNamespace } from '../../../i18n/register';
import { financePaths } from '../../../routes';
import type { PaymentListItem } from '../hooks/use-payment-list';
import { PaymentStatusBadge } from './PaymentStatusBadge';

/** Payments received: when, from whom, how, how much and what is left to allocate; a click opens one. */
export function PaymentTable({
  payments,
  loadMore,
}: {
  payments: readonly PaymentListItem[];
  loadMore: DataTableProps<PaymentListItem>['loadMore'];
}) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const navigate = useNavigate();
  const columns: DataTableColumn<PaymentListItem>[] = [
    { key: 'receivedOn', header: t('payments.column.receivedOn'), render: (payment) => format.date(payment.receivedOn) },
    { key: 'customer', header: t('payments.column.customer'), render: (payment) => payment.customer.name },
    { key: 'method', header: t('payments.column.method'), render: (payment) => t(`paymentMethod.${payment.method}`) },
    {
      key: 'reference',
      header: t('payments.column.reference'),
      render: (payment) => (
        <>
          <Text size="sm">{payment.reference ?? '—'}</Text>
          {payment.payerName && (
            <Text size="xs" c="dimmed">
              {payment.payerName}
            </Text>
          )}
        </>
      ),
    },
    { key: 'amount', header: t('payments.column.amount'), align: 'right', render: (payment) => format.money(payment.amount) },
    {
      key: 'allocated',
      header: t('payments.column.allocated'),
      align: 'right',
      render: (payment) => format.money(payment.allocatedAmount),
    },
    {
      key: 'unallocated',
      header: t('payments.column.unallocated'),
      align: 'right',
      render: (payment) => <span data-testid="payment-unallocated">{format.money(payment.unallocatedAmount)}</span>,
    },
    { key: 'status', header: t('payments.column.status'), render: (payment) => <PaymentStatusBadge status={payment.status} /> },
  ];
  return (
    <DataTable
      columns={columns}
      rows={payments}
      rowKey={(payment) => payment.id}
      emptyLabel={t('payments.empty')}
      onRowClick={(payment) => void navigate(financePaths.payment(payment.id))}
      loadMore={loadMore}
    />
  );
}
