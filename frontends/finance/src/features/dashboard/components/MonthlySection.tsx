import { BarChart } from '@mantine/charts';
import { Group, SegmentedControl, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { SectionCard, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { monthKey, monthRows, monthsCsv, plotted } from '../hooks/dashboard-view';
import type { YearComparison } from '../hooks/use-dashboard';
import { useMonthNames } from '../hooks/use-month-names';
import { CsvButton } from './CsvButton';

/**
 * A figure by month, this year beside last year, as bars or as a table; a month (a bar, or a cell
 * of the table) opens the documents behind it.
 */
export function MonthlySection({
  kind,
  comparison,
  onOpenMonth,
}: {
  kind: 'revenue' | 'cash';
  comparison: YearComparison;
  onOpenMonth: (month: string) => void;
}) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const months = useMonthNames();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const { year } = comparison;
  const rows = monthRows(comparison);
  const headers = [t('dashboard.month.column'), String(year), String(year - 1), t('dashboard.month.variation')];
  const data = rows.map((r) => ({
    label: months.short(r.month),
    month: r.month,
    current: plotted(r.current),
    previous: plotted(r.previous),
  }));
  const cell = (month: number, y: number, amount: string | null) =>
    amount === null ? (
      '—'
    ) : (
      <UnstyledButton
        onClick={() => onOpenMonth(monthKey(y, month))}
        aria-label={t('dashboard.month.open', { month: months.long(month), year: y, amount: format.money(amount) })}
        td="underline dotted"
        fz="sm"
      >
        {format.money(amount)}
      </UnstyledButton>
    );
  return (
    <SectionCard title={t(`dashboard.${kind}.title`)}>
      <Stack gap="sm" data-testid={`${kind}-section`}>
        <Group justify="space-between" align="flex-start">
          <Text size="sm" c="dimmed" maw={620}>
            {t(`dashboard.${kind}.hint`)}
          </Text>
          <Group gap="xs">
            <SegmentedControl
              size="xs"
              value={view}
              onChange={(value) => setView(value === 'table' ? 'table' : 'chart')}
              data={[
                { value: 'chart', label: t('dashboard.view.chart') },
                { value: 'table', label: t('dashboard.view.table') },
              ]}
            />
            <CsvButton fileName={t(`dashboard.${kind}.file`, { year })} content={() => monthsCsv(comparison, months.long, headers)} />
          </Group>
        </Group>
        {view === 'chart' ? (
          <BarChart
            h={260}
            data={data}
            dataKey="label"
            series={[
              { name: 'previous', label: String(year - 1), color: 'gray.4' },
              { name: 'current', label: String(year), color: kind === 'revenue' ? 'blue.6' : 'teal.6' },
            ]}
            withLegend
            valueFormatter={(value) => format.money(value.toFixed(2))}
            yAxisProps={{ width: 90 }}
            barProps={(series) => ({
              cursor: 'pointer',
              onClick: (entry: { payload?: { month: number } }) => {
                if (entry.payload) onOpenMonth(monthKey(series.name === 'current' ? year : year - 1, entry.payload.month));
              },
            })}
          />
        ) : (
          <Table striped verticalSpacing={4} data-testid={`${kind}-table`}>
            <Table.Thead>
              <Table.Tr>
                {headers.map((header, i) => (
                  <Table.Th key={header} ta={i === 0 ? undefined : 'right'}>
                    {header}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.month}>
                  <Table.Td tt="capitalize">{months.long(r.month)}</Table.Td>
                  <Table.Td ta="right">{cell(r.month, year, r.current)}</Table.Td>
                  <Table.Td ta="right">{cell(r.month, year - 1, r.previous)}</Table.Td>
                  <Table.Td ta="right">{r.variation === null ? '—' : format.money(r.variation)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text size="sm" data-testid={`${kind}-to-date`}>
          {t(`dashboard.${kind}.toDate`, {
            year,
            previousYear: year - 1,
            current: format.money(comparison.currentToDate),
            previous: format.money(comparison.previousToDate),
          })}
        </Text>
      </Stack>
    </SectionCard>
  );
}
