import { SimpleGrid } from '@mantine/core';
import { isPositiveAmount, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { billingPaths, financePaths } from '../../../routes';
import { monthKey } from '../hooks/dashboard-view';
import type { DashboardHome } from '../hooks/use-dashboard';
import { FigureLink } from './FigureLink';

/** Waiting longer than this to be billed shows in orange. */
const UNBILLED_LATE_DAYS = 30;

/** The home's figures, each a link to the documents behind it. */
export function KeyFigures({ dashboard, onOpenCash }: { dashboard: DashboardHome; onOpenCash: (month: string) => void }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const { receivables, unbilledWork, cashCollectedByMonth } = dashboard;
  const month = Number(dashboard.asOf.slice(5, 7));
  const cashThisMonth = cashCollectedByMonth.months[month - 1]?.current ?? '0.00';
  const thisMonth = monthKey(cashCollectedByMonth.year, month);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} mb="lg" aria-label={t('dashboard.figures.label')}>
      <FigureLink
        label={t('dashboard.figures.open')}
        value={format.money(receivables.open)}
        detail={t('dashboard.figures.openHint')}
        to={financePaths.ageing}
        title={t('dashboard.figures.open_link')}
        testId="figure-open"
      />
      <FigureLink
        label={t('dashboard.figures.overdue')}
        value={format.money(receivables.overdue)}
        to={financePaths.ageing}
        title={t('dashboard.figures.open_link')}
        testId="figure-overdue"
        tone={isPositiveAmount(receivables.overdue) ? 'red' : undefined}
      />
      <FigureLink
        label={t('dashboard.figures.dso')}
        value={receivables.dso == null ? '—' : t('dashboard.figures.dsoValue', { days: format.decimal(receivables.dso, 1) })}
        detail={receivables.dso == null ? t('dashboard.figures.dsoUnknown') : t('dashboard.figures.dsoHint')}
        to={financePaths.ageing}
        title={t('dashboard.figures.open_link')}
        testId="figure-dso"
      />
      <FigureLink
        label={t('dashboard.figures.cashThisMonth', { month: format.month(`${thisMonth}-01`) })}
        value={format.money(cashThisMonth)}
        detail={t('dashboard.figures.cashHint')}
        onClick={() => onOpenCash(thisMonth)}
        title={t('dashboard.figures.cash_link')}
        testId="figure-cash"
      />
      <FigureLink
        label={t('dashboard.figures.unbilled')}
        value={t('dashboard.figures.unbilledCount', { count: unbilledWork.count })}
        detail={
          unbilledWork.oldestDays == null
            ? t('dashboard.figures.unbilledNone')
            : t('dashboard.figures.unbilledOldest', { count: unbilledWork.oldestDays })
        }
        to={billingPaths.billable}
        title={t('dashboard.figures.unbilled_link')}
        testId="figure-unbilled"
        tone={unbilledWork.oldestDays != null && unbilledWork.oldestDays > UNBILLED_LATE_DAYS ? 'orange' : undefined}
      />
    </SimpleGrid>
  );
}
