import { Text } from '@mantine/core';
import { DataTable, useFormatters, type DataTableColumn, type DataTableProps } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import type { BankMovementItem } from '../hooks/use-bank';
import { MovementStatusBadge } from './MovementStatusBadge';
import { SignedAmount } from './SignedAmount';

/** Bank movements: when, what the bank says, who, how much (signed) and where it stands; a click opens one. */
export function MovementTable({
  movements,
  loadMore,
  onOpen,
}: {
  movements: readonly BankMovementItem[];
  loadMore: DataTableProps<BankMovementItem>['loadMore'];
  onOpen: (movement: BankMovementItem) => void;
}) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const columns: DataTableColumn<BankMovementItem>[] = [
    { key: 'date', header: t('bank.column.date'), render: (movement) => format.date(movement.bookingDate) },
    {
      key: 'label',
      header: t('bank.column.label'),
      render: (movement) => (
        <>
          <Text size="sm">{movement.label}</Text>
          {movement.remittanceInfo && movement.remittanceInfo !== movement.label && (
            <Text size="xs" c="dimmed">
              {movement.remittanceInfo}
            </Text>
          )}
        </>
      ),
    },
    { key: 'payer', header: t('bank.column.payer'), render: (movement) => movement.counterpartyName ?? '—' },
    {
      key: 'amount',
      header: t('bank.column.amount'),
      align: 'right',
      render: (movement) => <SignedAmount amount={movement.amount} currency={movement.currency} />,
    },
    { key: 'status', header: t('bank.column.status'), render: (movement) => <MovementStatusBadge status={movement.status} /> },
  ];
  return (
    <DataTable
      columns={columns}
      rows={movements}
      rowKey={(movement) => movement.id}
      emptyLabel={t('bank.empty')}
      onRowClick={onOpen}
      loadMore={loadMore}
    />
  );
}
