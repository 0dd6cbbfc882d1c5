import { Alert, Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { ErrorNotice, LoadingState, PageHeader, downloadCsv, todayInParis } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfitabilityGroup, ProfitabilityOrder } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';
import { isValidPeriod, profitabilityCsv, withCustomer } from '../hooks/profitability-view';
import { useProfitability, type ProfitabilityRow, type ProfitabilityView } from '../hooks/use-profitability';
import { ProfitabilityTable } from './ProfitabilityTable';
import { TravelCostSetting } from './TravelCostSetting';

const GROUPS: readonly ProfitabilityGroup[] = ['CONTRACT', 'CUSTOMER', 'SITE', 'TECHNICIAN'];

/**
 * "Rentabilité": revenue billed against the cost of the work over a period (this year to date by
 * default), by contract, customer, site or technician, sortable, with its totals and its CSV.
 */
export function ProfitabilityPage() {
  const { t } = useTranslation(financeNamespace);
  const { t: common } = useTranslation();
  const today = todayInParis();
  const [view, setView] = useState<ProfitabilityView>({
    groupBy: 'CUSTOMER',
    from: `${today.slice(0, 4)}-01-01`,
    to: today,
    orderBy: 'REVENUE',
    descending: true,
  });
  const valid = isValidPeriod(view.from, view.to);
  const { report, rows, loading, updating, error, retry, loadMore } = useProfitability(view, valid);
  const labelOf = (row: ProfitabilityRow) => (row.key ? row.label : t(`profitability.noKey.${view.groupBy}`));
  const sort = (orderBy: ProfitabilityOrder) =>
    setView((v) => ({ ...v, orderBy, descending: v.orderBy === orderBy ? !v.descending : orderBy !== 'LABEL' }));
  const exportCsv = () => {
    if (!report) return;
    const headers = [
      t(`profitability.column.label.${report.groupBy}`),
      ...(withCustomer(report.groupBy) ? [t('profitability.column.customer')] : []),
      ...['revenue', 'labour', 'parts', 'travel', 'cost', 'margin', 'marginRate', 'hours', 'interventions', 'invoices', 'costUnknown'].map(
        (c) => t(`profitability.column.${c}`),
      ),
    ];
    downloadCsv(
      t('profitability.file', { groupBy: t(`profitability.groupBy.${report.groupBy}`).toLowerCase(), from: report.from, to: report.to }),
      profitabilityCsv(report, rows, headers, labelOf, t('profitability.total')),
    );
  };
  return (
    <>
      <PageHeader title={t('profitability.title')} subtitle={t('profitability.subtitle')}>
        <Button variant="default" disabled={!report || rows.length === 0} onClick={exportCsv}>
          {t('profitability.exportCsv')}
        </Button>
      </PageHeader>
      <Stack>
        <Group align="flex-end" justify="space-between">
          <Group align="flex-end">
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('profitability.groupBy.label')}
              </Text>
              <SegmentedControl
                value={view.groupBy}
                onChange={(value) => setView((v) => ({ ...v, groupBy: GROUPS.find((g) => g === value) ?? v.groupBy }))}
                data={GROUPS.map((g) => ({ value: g, label: t(`profitability.groupBy.${g}`) }))}
                aria-label={t('profitability.groupBy.label')}
              />
            </Stack>
            <TextInput
              type="date"
              label={t('profitability.from')}
              value={view.from}
              onChange={(event) => setView((v) => ({ ...v, from: event.currentTarget.value }))}
            />
            <TextInput
              type="date"
              label={t('profitability.to')}
              value={view.to}
              onChange={(event) => setView((v) => ({ ...v, to: event.currentTarget.value }))}
            />
          </Group>
          <TravelCostSetting />
        </Group>
        {!valid && <Alert color="yellow">{t('profitability.invalidPeriod')}</Alert>}
        {Boolean(error) && <ErrorNotice onRetry={retry} />}
        {report && report.totals.costUnknownCount > 0 && (
          <Alert color="orange" data-testid="cost-unknown-alert">
            {t('profitability.costUnknown', { count: report.totals.costUnknownCount })} — {t('profitability.costUnknownHint')}
          </Alert>
        )}
        {loading ? (
          <LoadingState />
        ) : (
          report && (
            <>
              <Text size="sm" c="dimmed">
                {t('profitability.count', { count: report.totalCount })}
              </Text>
              {rows.length === 0 ? (
                <Text c="dimmed" ta="center" py="lg">
                  {t('profitability.empty')}
                </Text>
              ) : (
                <ProfitabilityTable report={report} rows={rows} view={view} onSort={sort} labelOf={labelOf} stale={updating} />
              )}
              {loadMore.hasMore && (
                <Group justify="center">
                  <Button variant="light" loading={loadMore.loading} onClick={loadMore.onLoadMore}>
                    {common('table.loadMore')}
                  </Button>
                </Group>
              )}
            </>
          )
        )}
      </Stack>
    </>
  );
}
