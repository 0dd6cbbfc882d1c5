import { Button, Stack, Text } from '@mantine/core';
import { ErrorNotice, LoadingState, PageHeader } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { useFiscalYears, usePeriodPermissions, type AccountingPeriodItem } from '../hooks/use-periods';
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
            />
          ))}
        </Stack>
      )}
      {closing && <ClosePeriodModal period={closing} onClose={() => setClosing(null)} />}
      {reopening && <ReopenPeriodModal period={reopening} onClose={() => setReopening(null)} />}
      {opening && <OpenFiscalYearModal lastEndsOn={years[0]?.endsOn ?? null} onClose={() => setOpening(false)} />}
    </>
  );
}
