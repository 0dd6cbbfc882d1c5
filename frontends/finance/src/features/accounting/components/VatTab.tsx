import { Alert, Group, Select, Stack, Table, Text } from '@mantine/core';
import { ErrorNotice, LoadingState, isPositiveAmount, todayInParis, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { financeNamespace } from '../../../i18n/register';
import { CsvButton } from '../../dashboard/components/CsvButton';
import { changedParams, monthBounds, recentMonths, vatCsv, vatMonth } from '../hooks/accounting-view';
import { useVatReport } from '../hooks/use-accounting';

const COLUMNS = ['rate', 'dueOnIssue', 'invoicedOnPayment', 'dueOnPayment', 'due'] as const;
/** The months offered: this one and the three years before it. */
const MONTHS_OFFERED = 37;

/** "TVA": the collected VAT of a month (last month by default) per rate, and what is to be declared. */
export function VatTab() {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const [params, setParams] = useSearchParams();
  const today = todayInParis();
  const month = vatMonth(params, today);
  const { report, loading, error, retry } = useVatReport(monthBounds(month));
  const headers = COLUMNS.map((column) => t(`accounting.vat.column.${column}`));
  const months = recentMonths(today, MONTHS_OFFERED);
  const current = report && report.from === monthBounds(month).from ? report : null;

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Select
          w={220}
          label={t('accounting.vat.month')}
          value={month}
          allowDeselect={false}
          data={(months.includes(month) ? months : [month, ...months]).map((value) => ({ value, label: format.month(`${value}-01`) }))}
          onChange={(value) => value && setParams(changedParams(params, { month: value }), { replace: true })}
        />
        <CsvButton
          fileName={t('accounting.vat.file', { month })}
          disabled={!current}
          content={() => (current ? vatCsv(current, headers, t('accounting.total')) : '')}
        />
      </Group>
      <Text size="sm" c="dimmed">
        {t('accounting.vat.hint')}
      </Text>
      {Boolean(error) && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : (
        report && (
          <>
            {isPositiveAmount(report.credit) ? (
              // Deductions beyond the VAT due (VAT recovered on write-offs): a VAT credit, never a negative VAT due.
              <Alert color="teal" data-testid="vat-to-declare">
                <Group justify="space-between">
                  <div>
                    <Text fw={500}>{t('accounting.vat.credit', { month: format.month(report.from) })}</Text>
                    <Text size="sm" c="dimmed">
                      {t('accounting.vat.creditHint')}
                    </Text>
                  </div>
                  <Text fw={700} size="lg" data-testid="vat-credit">
                    {format.money(report.credit)}
                  </Text>
                </Group>
              </Alert>
            ) : (
              <Alert color="blue" data-testid="vat-to-declare">
                <Group justify="space-between">
                  <Text fw={500}>{t('accounting.vat.toDeclare', { month: format.month(report.from) })}</Text>
                  <Text fw={700} size="lg" data-testid="vat-due">
                    {format.money(report.payable)}
                  </Text>
                </Group>
              </Alert>
            )}
            {report.rows.length === 0 ? (
              <Text c="dimmed" ta="center" py="lg">
                {t('accounting.vat.empty')}
              </Text>
            ) : (
              <Table striped verticalSpacing="xs" data-testid="vat-report" opacity={current ? 1 : 0.6}>
                <Table.Thead>
                  <Table.Tr>
                    {COLUMNS.map((column, i) => (
                      <Table.Th key={column} ta={column === 'rate' ? undefined : 'right'}>
                        {headers[i]}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.rows.map((row) => (
                    <Table.Tr key={row.rate} data-testid="vat-row">
                      <Table.Td>{format.percent(row.rate)}</Table.Td>
                      <Table.Td ta="right">{format.money(row.dueOnIssue)}</Table.Td>
                      <Table.Td ta="right">{format.money(row.invoicedOnPayment)}</Table.Td>
                      <Table.Td ta="right">{format.money(row.dueOnPayment)}</Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {format.money(row.due)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr fw={700}>
                    <Table.Td>{t('accounting.total')}</Table.Td>
                    <Table.Td ta="right">{format.money(report.totals.dueOnIssue)}</Table.Td>
                    <Table.Td ta="right">{format.money(report.totals.invoicedOnPayment)}</Table.Td>
                    <Table.Td ta="right">{format.money(report.totals.dueOnPayment)}</Table.Td>
                    <Table.Td ta="right">{format.money(report.totals.due)}</Table.Td>
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            )}
          </>
        )
      )}
    </Stack>
  );
}
