import '@mantine/charts/styles.css';
import { Stack } from '@mantine/core';
import { ErrorNotice, LoadingState, PageHeader, todayInParis, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { useDashboardHome, type ForecastWeek } from '../hooks/use-dashboard';
import { CashMovementsDrawer } from './CashMovementsDrawer';
import { ForecastSection } from './ForecastSection';
import { ForecastWeekDrawer } from './ForecastWeekDrawer';
import { KeyFigures } from './KeyFigures';
import { MonthlySection } from './MonthlySection';
import { RevenueDocumentsDrawer } from './RevenueDocumentsDrawer';

/**
 * "Tableau de bord", the owner's and the accountant's home: receivables and DSO, cash collected,
 * work waiting to be billed, revenue and cash month by month against last year, and 13 weeks of
 * expected cash. Every figure opens the documents behind it; every table exports as CSV.
 */
export function DashboardPage() {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const [asOf] = useState(todayInParis);
  const { dashboard, loading, error, retry } = useDashboardHome(asOf);
  const [revenueMonth, setRevenueMonth] = useState<string | null>(null);
  const [cashMonth, setCashMonth] = useState<string | null>(null);
  const [week, setWeek] = useState<ForecastWeek | null>(null);
  return (
    <>
      <PageHeader title={t('dashboard.title')} subtitle={t('dashboard.subtitle', { date: format.date(asOf) })} />
      {Boolean(error) && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : (
        dashboard && (
          <Stack>
            <KeyFigures dashboard={dashboard} onOpenCash={setCashMonth} />
            <ForecastSection dashboard={dashboard} onOpenWeek={setWeek} />
            <MonthlySection kind="revenue" comparison={dashboard.revenueByMonth} onOpenMonth={setRevenueMonth} />
            <MonthlySection kind="cash" comparison={dashboard.cashCollectedByMonth} onOpenMonth={setCashMonth} />
          </Stack>
        )
      )}
      <RevenueDocumentsDrawer asOf={asOf} month={revenueMonth} onClose={() => setRevenueMonth(null)} />
      <CashMovementsDrawer asOf={asOf} month={cashMonth} onClose={() => setCashMonth(null)} />
      <ForecastWeekDrawer asOf={asOf} week={week} onClose={() => setWeek(null)} />
    </>
  );
}
