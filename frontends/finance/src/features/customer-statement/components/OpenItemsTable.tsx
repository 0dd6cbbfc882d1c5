import { Anchor, Table } from '@mantine/core';
import { useFormatters } from '@relais/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { financeNamespace } from '../../../i18n/register';
import { billingPaths, financePaths } from '../../../routes';

/** An item open at a date, as the statement lists it: an invoice's open balance, or a payment's credit (negative). */
export interface OpenItemLine {
  invoice: { id: string } | null;
  payment: { id: string } | null;
  reference: string | null;
  date: string;
  dueDate: string | null;
  daysLate: number;
  openBalance: string;
}

/** Open items with their due date and how late each is, and their total as given; `action`, what may be done with an item. */
export function OpenItemsTable({
  items,
  total,
  testId,
  action,
}: {
  items: readonly OpenItemLine[];
  total: string;
  testId: string;
  action?: (item: OpenItemLine) => ReactNode;
}) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  return (
    <Table verticalSpacing={4} data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('statement.openItems.reference')}</Table.Th>
          <Table.Th>{t('statement.openItems.date')}</Table.Th>
          <Table.Th>{t('statement.openItems.dueDate')}</Table.Th>
          <Table.Th ta="right">{t('statement.openItems.daysLate')}</Table.Th>
          <Table.Th ta="right">{t('statement.openItems.openBalance')}</Table.Th>
          {action && <Table.Th />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.invoice?.id ?? item.payment?.id} data-testid="open-item">
            <Table.Td>
              {item.invoice ? (
                <Anchor component={Link} to={billingPaths.invoice(item.invoice.id)} size="sm">
                  {item.reference}
                </Anchor>
              ) : (
                item.payment && (
                  <Anchor component={Link} to={financePaths.payment(item.payment.id)} size="sm">
                    {t('statement.openItems.payment')}
                    {item.reference ? ` ${item.reference}` : ''}
                  </Anchor>
                )
              )}
            </Table.Td>
            <Table.Td>{format.date(item.date)}</Table.Td>
            <Table.Td>{item.dueDate ? format.date(item.dueDate) : '—'}</Table.Td>
            <Table.Td ta="right" c={item.daysLate > 0 ? 'red.8' : undefined}>
              {item.daysLate > 0 ? t('statement.openItems.lateBy', { count: item.daysLate }) : t('statement.openItems.notDue')}
            </Table.Td>
            <Table.Td ta="right">{format.money(item.openBalance)}</Table.Td>
            {action && <Table.Td ta="right">{action(item)}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr fw={700}>
          <Table.Td colSpan={4}>{t('statement.openItems.total')}</Table.Td>
          <Table.Td ta="right" data-testid={`${testId}-total`}>
            {format.money(total)}
          </Table.Td>
          {action && <Table.Td />}
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
