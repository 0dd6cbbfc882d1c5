import { Button, Stack, Text } from '@mantine/core';
import { ErrorNotice, LoadingState, PageHeader } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { useFiscalYears, usePeriodPermissions, type AccountingPeriodItem, type FiscalYearItem } from '../hooks/use-periods';
import { DeferredRevenueModal } from '../../deferred-revenue/components/DeferredRevenueModal';
import { ClosePeriodModal } from './ClosePeriodModal';
import { FiscalYearCard } from './FiscalYearCard';
import { OpenFiscalYearModal } from './OpenFiscalYearModal';
import { ReopenPeriodModal } from './ReopenPeriodModal';

/** "Exercices et périodes": the fiscal years and their months; months close in order, the last closed one reopens (admins). */
export function PeriodsPage() {
  const { t } = useTranslation(financeNamespace);
  const { years, loading, error, retry } = useFiscalYears();
  const permissions = usePeriodPermissions();
  const [closing, setClosing] = useState<AccountingPeriodItem | null>(null);
  const [reopening, setReopening] = useState<AccountingPeriodItem | null>(null);
  const [opening, setOpening] = useState(false);
  const [deferring, setDeferring] = useState<FiscalYearItem | null>(null);
  return (
    <>
      <PageHeader title={t('periods.title')} subtitle={t('periods.subtitle')}>
        {permissions.canClose && <Button onClick={() => setOpening(true)}>{t('periods.open.action')}</Button>}
      </PageHeader>
      {error && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : (
        <Stack>
          {years.length === 0 && <Text c="dimmed">{t('periods.empty')}</Text>}
          {years.map((year) => (
            <FiscalYearCard
              key={year.id}
              year={year}
              canClose={permissions.canClose}
              canReopen={permissions.canReopen}
              onClose={setClosing}
              onReopen={setReopening}
              onDeferredRevenue={setDeferring}
            />
          ))}
        </Stack>
      )}
      {closing && <ClosePeriodModal period={closing} onClose={() => setClosing(null)} />}
      {reopening && <ReopenPeriodModal period={reopening} onClose={() => setReopening(null)} />}
      {deferring && <DeferredRevenueModal endsOn={deferring.endsOn} canPost={permissions.canClose} onClose={() => setDeferring(null)} />}
      {opening && <OpenFiscalYearModal lastEndsOn={years[0]?.endsOn ?? null} onClose={() => setOpening(false)} />}
    </>
  );
}
