import { Anchor, Table, Text } from '@mantine/core';
import { csvAmount, csvText, toCsv, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { financeNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { firstDayOf } from '../hooks/dashboard-view';
import { useRevenueDocuments } from '../hooks/use-dashboard';
import { DetailDrawer } from './DetailDrawer';

/** The invoices and credit notes behind a month of revenue, each a link to its page. */
export function RevenueDocumentsDrawer({ asOf, month, onClose }: { asOf: string; month: string | null; onClose: () => void }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const { documents, loading, error, retry } = useRevenueDocuments(asOf, month);
  const columns = ['issueDate', 'number', 'kind', 'customer', 'net'] as const;
  const headers = columns.map((c) => t(`dashboard.documentsDrawer.column.${c}`));
  const items = documents?.items ?? [];
  const csv = () =>
    toCsv(
      headers,
      items.map((d) => [
        csvText(d.issueDate),
        csvText(d.number),
        csvText(t(`dashboard.documentsDrawer.kind.${d.kind}`)),
        csvText(d.customerName),
        csvAmount(d.net),
      ]),
    );
  return (
    <DetailDrawer
      opened={month !== null}
      onClose={onClose}
      title={month ? t('dashboard.documentsDrawer.title', { month: format.month(firstDayOf(month)) }) : ''}
      summary={
        documents && (
          <>
            {t('dashboard.documentsDrawer.summary', { count: documents.totalCount, total: format.money(documents.total) })}{' '}
            {documents.totalCount > items.length && t('dashboard.documentsDrawer.truncated', { shown: items.length })}
          </>
        )
      }
      csv={month ? { fileName: t('dashboard.documentsDrawer.file', { month }), content: csv } : undefined}
      loading={loading}
      error={error}
      retry={retry}
    >
      {documents && items.length === 0 && <Text c="dimmed">{t('dashboard.documentsDrawer.empty')}</Text>}
      {items.length > 0 && (
        <Table striped verticalSpacing={4} data-testid="revenue-documents">
          <Table.Thead>
            <Table.Tr>
              {columns.map((c, i) => (
                <Table.Th key={c} ta={c === 'net' ? 'right' : undefined}>
                  {headers[i]}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((d) => (
              <Table.Tr key={d.invoice.id}>
                <Table.Td>{format.date(d.issueDate)}</Table.Td>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={d.kind === 'CREDIT_NOTE' ? billingPaths.creditNote(d.invoice.id) : billingPaths.invoice(d.invoice.id)}
                    size="sm"
                  >
                    {d.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`dashboard.documentsDrawer.kind.${d.kind}`)}</Table.Td>
                <Table.Td>{d.customerName}</Table.Td>
                <Table.Td ta="right">{format.money(d.net)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </DetailDrawer>
  );
}
