import { Anchor, Table, Text } from '@mantine/core';
import { csvAmount, csvText, toCsv, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { financeNamespace } from '../../../i18n/register';
import { financePaths } from '../../../routes';
import { firstDayOf } from '../hooks/dashboard-view';
import { useCashMovements } from '../hooks/use-dashboard';
import { DetailDrawer } from './DetailDrawer';

/** The payments received, reversed and refunded behind a month of cash collected, each a link to its payment. */
export function CashMovementsDrawer({ asOf, month, onClose }: { asOf: string; month: string | null; onClose: () => void }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const { movements, loading, error, retry } = useCashMovements(asOf, month);
  const columns = ['date', 'kind', 'customer', 'method', 'reference', 'amount'] as const;
  const headers = columns.map((c) => t(`dashboard.cashDrawer.column.${c}`));
  const items = movements?.items ?? [];
  const csv = () =>
    toCsv(
      headers,
      items.map((m) => [
        csvText(m.date),
        csvText(t(`dashboard.cashDrawer.kind.${m.kind}`)),
        csvText(m.customerName),
        csvText(t(`paymentMethod.${m.method}`)),
        csvText(m.reference),
        csvAmount(m.amount),
      ]),
    );
  return (
    <DetailDrawer
      opened={month !== null}
      onClose={onClose}
      title={month ? t('dashboard.cashDrawer.title', { month: format.month(firstDayOf(month)) }) : ''}
      summary={
        movements && (
          <>
            {t('dashboard.cashDrawer.summary', { count: movements.totalCount, total: format.money(movements.total) })}{' '}
            {movements.totalCount > items.length && t('dashboard.cashDrawer.truncated', { shown: items.length })}
          </>
        )
      }
      csv={month ? { fileName: t('dashboard.cashDrawer.file', { month }), content: csv } : undefined}
      loading={loading}
      error={error}
      retry={retry}
    >
      {movements && items.length === 0 && <Text c="dimmed">{t('dashboard.cashDrawer.empty')}</Text>}
      {items.length > 0 && (
        <Table striped verticalSpacing={4} data-testid="cash-movements">
          <Table.Thead>
            <Table.Tr>
              {columns.map((c, i) => (
                <Table.Th key={c} ta={c === 'amount' ? 'right' : undefined}>
                  {headers[i]}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((m) => (
              <Table.Tr key={`${m.paymentId}-${m.kind}-${m.date}`}>
                <Table.Td>{format.date(m.date)}</Table.Td>
                <Table.Td>{t(`dashboard.cashDrawer.kind.${m.kind}`)}</Table.Td>
                <Table.Td>{m.customerName}</Table.Td>
                <Table.Td>{t(`paymentMethod.${m.method}`)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={financePaths.payment(m.paymentId)} size="sm">
                    {m.reference ?? '—'}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right">{format.money(m.amount)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </DetailDrawer>
  );
}
