import { Select, Stack, Text, TextInput } from '@mantine/core';
import { LoadingState, todayInParis, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountingExportLayout, Journal } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';
import { useExportFiscalYears, useExportHistory } from '../hooks/use-accounting-exports';
import { lastMonth } from '../hooks/export-defaults';
import { ExportCard } from './ExportCard';
import { ExportHistory } from './ExportHistory';

const LAYOUTS: AccountingExportLayout[] = ['SAGE_100', 'EBP', 'CEGID', 'SPREADSHEET'];
const JOURNALS: Journal[] = ['VT', 'BQ', 'OD'];

/** "Comptabilité › Exports": the FEC of a fiscal year, the journal for the accountant's software, the customer accounts, and who took what. */
export function ExportsTab() {
  const { t } = useTranslation(financeNamespace);
  const f = useFormatters();
  const { years, loading } = useExportFiscalYears();
  const history = useExportHistory();
  const [fiscalYearId, setFiscalYearId] = useState<string | null>(null);
  const [layout, setLayout] = useState<AccountingExportLayout>('SAGE_100');
  const [journal, setJournal] = useState<Journal | null>(null);
  const [range, setRange] = useState(() => lastMonth(todayInParis()));
  const [customersLayout, setCustomersLayout] = useState<AccountingExportLayout>('SAGE_100');
  // The history's record is written once the file is complete: read it again a moment later.
  const refreshHistory = () => [1500, 5000].forEach((ms) => setTimeout(() => void history.refetch(), ms));

  if (loading) return <LoadingState />;
  const yearId = fiscalYearId ?? years[0]?.id ?? null;
  const layoutOptions = LAYOUTS.map((value) => ({ value, label: t(`exports.layoutName.${value}`) }));
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('exports.intro')}
      </Text>
      <ExportCard
        testId="export-fec"
        title={t('exports.fec.title')}
        description={t('exports.fec.description')}
        input={yearId ? { kind: 'FEC', fiscalYearId: yearId } : null}
        onDownload={refreshHistory}
      >
        {years.length === 0 ? (
          <Text size="sm">{t('exports.fec.none')}</Text>
        ) : (
          <Select
            label={t('exports.fec.fiscalYear')}
            w={320}
            allowDeselect={false}
            value={yearId}
            onChange={setFiscalYearId}
            data={years.map((y) => ({
              value: y.id,
              label: `${t('exports.fec.yearOption', { from: f.date(y.startsOn), to: f.date(y.endsOn) })}${y.state === 'CLOSED' ? ` (${t('exports.fec.yearClosed')})` : ''}`,
            }))}
          />
        )}
      </ExportCard>
      <ExportCard
        testId="export-journal"
        title={t('exports.journal.title')}
        description={t('exports.journal.description')}
        input={range.from && range.to ? { kind: 'JOURNAL', layout, from: range.from, to: range.to, journal } : null}
        onDownload={refreshHistory}
      >
        <Select
          label={t('exports.journal.layout')}
          w={300}
          allowDeselect={false}
          value={layout}
          onChange={(value) => value && setLayout(value as AccountingExportLayout)}
          data={layoutOptions}
        />
        <Select
          label={t('exports.journal.journal')}
          w={220}
          value={journal ?? ''}
          onChange={(value) => setJournal(value ? (value as Journal) : null)}
          data={[
            { value: '', label: t('exports.journal.allJournals') },
            ...JOURNALS.map((j) => ({ value: j, label: t(`exports.journalName.${j}`) })),
          ]}
        />
        <TextInput
          type="date"
          label={t('exports.journal.from')}
          value={range.from}
          onChange={(e) => setRange({ ...range, from: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('exports.journal.to')}
          value={range.to}
          onChange={(e) => setRange({ ...range, to: e.currentTarget.value })}
        />
      </ExportCard>
      <ExportCard
        testId="export-customers"
        title={t('exports.customers.title')}
        description={t('exports.customers.description')}
        input={{ kind: 'CUSTOMER_ACCOUNTS', layout: customersLayout }}
        onDownload={refreshHistory}
      >
        <Select
          label={t('exports.journal.layout')}
          w={300}
          allowDeselect={false}
          value={customersLayout}
          onChange={(value) => value && setCustomersLayout(value as AccountingExportLayout)}
          data={layoutOptions}
        />
      </ExportCard>
      <ExportHistory records={history.records} />
    </Stack>
  );
}
