import { BarChart } from '@mantine/charts';
import { Group, SegmentedControl, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { SectionCard, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { forecastCsv, plotted } from '../hooks/dashboard-view';
import type { DashboardHome, ForecastWeek } from '../hooks/use-dashboard';
import { CsvButton } from './CsvButton';

const SERIES = [
  { name: 'invoices', color: 'blue.6' },
  { name: 'contracts', color: 'violet.5' },
  { name: 'directDebits', color: 'teal.5' },
] as const;

/** The 13 weeks of expected cash, stacked by source; a week opens what it is made of. */
export function ForecastSection({ dashboard, onOpenWeek }: { dashboard: DashboardHome; onOpenWeek: (week: ForecastWeek) => void }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const forecast = dashboard.cashForecast;
  const shortDate = (date: string) => format.date(date).slice(0, 5);
  const amountHeaders = [
    t('dashboard.forecast.invoices'),
    t('dashboard.forecast.contracts'),
    t('dashboard.forecast.directDebits'),
    t('dashboard.forecast.total_column'),
  ];
  const data = forecast.weeks.map((w) => ({
    label: shortDate(w.start),
    start: w.start,
    invoices: plotted(w.invoices),
    contracts: plotted(w.contracts),
    directDebits: plotted(w.directDebits),
  }));
  const open = (start: string) => {
    const week = forecast.weeks.find((w) => w.start === start);
    if (week) onOpenWeek(week);
  };
  return (
    <SectionCard title={t('dashboard.forecast.title')}>
      <Stack gap="sm" data-testid="forecast-section">
        <Group justify="space-between" align="flex-start">
          <Text size="sm" c="dimmed" maw={620}>
            {t('dashboard.forecast.hint')}
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
            <CsvButton
              fileName={t('dashboard.forecast.file', { date: dashboard.asOf })}
              content={() => forecastCsv(forecast.weeks, [t('dashboard.forecast.week'), t('dashboard.forecast.weekEnd'), ...amountHeaders])}
            />
          </Group>
        </Group>
        {view === 'chart' ? (
          <BarChart
            h={280}
            data={data}
            dataKey="label"
            type="stacked"
            series={SERIES.map((s) => ({ ...s, label: t(`dashboard.forecast.${s.name}`) }))}
            withLegend
            valueFormatter={(value) => format.money(value.toFixed(2))}
            yAxisProps={{ width: 90 }}
            barProps={{
              cursor: 'pointer',
              onClick: (entry: { payload?: { start: string } }) => {
                if (entry.payload) open(entry.payload.start);
              },
            }}
          />
        ) : (
          <Table striped verticalSpacing={4} data-testid="forecast-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dashboard.forecast.week')}</Table.Th>
                {amountHeaders.map((header) => (
                  <Table.Th key={header} ta="right">
                    {header}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {forecast.weeks.map((w) => (
                <Table.Tr key={w.start}>
                  <Table.Td>
                    <UnstyledButton
                      onClick={() => onOpenWeek(w)}
                      aria-label={t('dashboard.forecast.open', { start: format.date(w.start) })}
                      td="underline dotted"
                      fz="sm"
                    >
                      {t('dashboard.forecast.weekLabel', { start: format.date(w.start), end: format.date(w.end) })}
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td ta="right">{format.money(w.invoices)}</Table.Td>
                  <Table.Td ta="right">{format.money(w.contracts)}</Table.Td>
                  <Table.Td ta="right">{format.money(w.directDebits)}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {format.money(w.total)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group gap="lg">
          <Text size="sm" fw={600} data-testid="forecast-total">
            {t('dashboard.forecast.total', { amount: format.money(forecast.total) })}
          </Text>
          {forecast.disputedCount > 0 && (
            <Text size="sm" c="dimmed">
              {t('dashboard.forecast.disputed', { count: forecast.disputedCount, amount: format.money(forecast.disputedAmount) })}
            </Text>
          )}
        </Group>
      </Stack>
    </SectionCard>
  );
}
