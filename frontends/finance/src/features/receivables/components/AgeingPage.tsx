import { Button } from '@mantine/core';
import { ErrorNotice, LoadingState, PageHeader, todayInParis, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { defaultAgeingFilters, type AgeingSort } from '../hooks/ageing-view';
import { saveTextFile } from '../hooks/download';
import { useReceivablesAgeing } from '../hooks/use-ageing';
import { AgeingFiltersBar } from './AgeingFiltersBar';
import { AgeingTable } from './AgeingTable';

/**
 * "Balance âgée": what each customer owes at a date (today by default), by how late it is, with
 * the invoices behind each amount, the CSV of what is shown, and each customer's statement.
 */
export function AgeingPage() {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const [filters, setFilters] = useState(() => defaultAgeingFilters(todayInParis()));
  const [sort, setSort] = useState<AgeingSort>('name');
  const { ageing, updating, loading, error, retry } = useReceivablesAgeing(filters);

  return (
    <>
      <PageHeader
        title={t('receivables.ageing.title')}
        subtitle={ageing ? t('receivables.ageing.subtitle', { date: format.date(ageing.asOf) }) : undefined}
      >
        <Button
          variant="default"
          disabled={!ageing || updating || ageing.rows.length === 0}
          onClick={() => ageing && saveTextFile(`balance-agee-${ageing.asOf}.csv`, ageing.csv, 'text/csv;charset=utf-8')}
        >
          {t('receivables.ageing.exportCsv')}
        </Button>
      </PageHeader>
      <AgeingFiltersBar filters={filters} onChange={setFilters} />
      {Boolean(error) && <ErrorNotice onRetry={retry} />}
      {loading ? <LoadingState /> : ageing && <AgeingTable ageing={ageing} sort={sort} onSort={setSort} stale={updating} />}
    </>
  );
}
