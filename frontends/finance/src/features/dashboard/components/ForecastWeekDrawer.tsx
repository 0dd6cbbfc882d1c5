import { Anchor, Table, Text } from '@mantine/core';
import { csvAmount, csvText, toCsv, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardForecastWeekQuery } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { useForecastWeek, type ForecastWeek } from '../hooks/use-dashboard';
import { DetailDrawer } from './DetailDrawer';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

type Entry = DashboardForecastWeekQuery['dashboard']['cashForecastWeek'][number];

/** What one week of the forecast is made of, each amount with why it is expected then. */
export function ForecastWeekDrawer({ asOf, week, onClose }: { asOf: string; week: ForecastWeek | null; onClose: () => void }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const { entries, loading, error, retry } = useForecastWeek(asOf, week?.start ?? null);
  const basis = (e: Entry) =>
    e.basis === 'CUSTOMER_BEHAVIOUR'
      ? t('dashboard.basis.CUSTOMER_BEHAVIOUR', { count: e.daysLate ?? 0 })
      : t(`dashboard.basis.${e.basis}`);
  const document = (e: Entry) =>
    e.invoiceNumber ??
    `${e.contractReference ?? ''} — ${t('dashboard.weekDrawer.period', { start: format.date(e.periodStart ?? ''), end: format.date(e.periodEnd ?? '') })}`;
  const columns = ['expectedOn', 'source', 'document', 'customer', 'dueDate', 'basis', 'amount'] as const;
  const headers = columns.map((c) => t(`dashboard.weekDrawer.column.${c}`));
  const csv = () =>
    toCsv(
      headers,
      (entries ?? []).map((e) => [
        csvText(e.expectedOn),
        csvText(t(`dashboard.source.${e.source}`)),
        csvText(document(e)),
        csvText(e.customerName),
        csvText(e.dueDate),
        csvText(basis(e)),
        csvAmount(e.amount),
      ]),
    );
  return (
    <DetailDrawer
      opened={week !== null}
      onClose={onClose}
      title={week ? t('dashboard.weekDrawer.title', { start: format.date(week.start), end: format.date(week.end) }) : ''}
      summary={week && format.money(week.total)}
      csv={week ? { fileName: t('dashboard.weekDrawer.file', { start: week.start }), content: csv } : undefined}
      loading={loading}
      error={error}
      retry={retry}
    >
      {entries && entries.length === 0 && <Text c="dimmed">{t('dashboard.weekDrawer.empty')}</Text>}
      {entries && entries.length > 0 && (
        <Table striped verticalSpacing={4} data-testid="forecast-week-entries">
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
            {entries.map((e, i) => (
              <Table.Tr key={`${e.invoice?.id ?? e.contractId}-${e.periodStart ?? ''}-${i}`}>
                <Table.Td style={NO_WRAP}>{format.date(e.expectedOn)}</Table.Td>
                <Table.Td>{t(`dashboard.source.${e.source}`)}</Table.Td>
                <Table.Td>
                  {e.invoice ? (
                    <Anchor component={Link} to={billingPaths.invoice(e.invoice.id)} size="sm" style={NO_WRAP}>
                      {e.invoiceNumber}
                    </Anchor>
                  ) : e.contractId ? (
                    <Anchor component={Link} to={billingPaths.contract(e.contractId)} size="sm">
                      {document(e)}
                    </Anchor>
                  ) : null}
                </Table.Td>
                <Table.Td>{e.customerName}</Table.Td>
                <Table.Td style={NO_WRAP}>{e.dueDate ? format.date(e.dueDate) : '—'}</Table.Td>
                <Table.Td>
                  <Text size="xs">{basis(e)}</Text>
                </Table.Td>
                <Table.Td ta="right" style={NO_WRAP}>
                  {format.money(e.amount)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </DetailDrawer>
  );
}
