import { Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { ErrorNotice, LoadingState, todayInParis, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { financeNamespace } from '../../../i18n/register';
import { periodProblem } from '../../customer-statement/hooks/statement-period';
import { CsvButton } from '../../dashboard/components/CsvButton';
import { accountPrefix, changedParams, entriesCsv, entriesFilter, isAccountPrefix } from '../hooks/accounting-view';
import { useJournalEntries } from '../hooks/use-accounting';
import { EntriesFiltersBar } from './EntriesFiltersBar';
import { JournalEntriesTable } from './JournalEntriesTable';

const CSV_COLUMNS = [
  'date',
  'journal',
  'number',
  'piece',
  'entryLabel',
  'account',
  'accountLabel',
  'auxiliary',
  'label',
  'debit',
  'credit',
];

/** "Écritures": the entries of the journals over a period (this month by default), narrowed by journal, account and customer. */
export function EntriesTab() {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const [params, setParams] = useSearchParams();
  const filter = entriesFilter(params, todayInParis());
  const [account] = useDebouncedValue(accountPrefix(filter.account), 300);
  const problem = periodProblem(filter.from, filter.to);
  const valid = problem === null && isAccountPrefix(account);
  const { entries, totalCount, loading, error, retry, loadMore } = useJournalEntries(valid ? { ...filter, account } : null);
  const change = (changes: Record<string, string | null>) => setParams(changedParams(params, changes), { replace: true });
  const customer = entries.find((entry) => entry.customer?.id === filter.customerId)?.customer;

  return (
    <Stack>
      <EntriesFiltersBar
        filter={filter}
        problem={problem}
        knownCustomer={customer ? { value: customer.id, label: `${customer.name} (${customer.code})` } : null}
        onChange={change}
      />
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="entries-count">
          {totalCount !== undefined && t('accounting.entries.count', { count: totalCount, formattedCount: format.count(totalCount) })}
          {totalCount !== undefined &&
            totalCount > entries.length &&
            ` — ${t('accounting.entries.shown', { shown: format.count(entries.length) })}`}
        </Text>
        <CsvButton
          fileName={t('accounting.entries.file', { from: filter.from, to: filter.to })}
          disabled={entries.length === 0}
          content={() =>
            entriesCsv(
              entries,
              CSV_COLUMNS.map((column) => t(`accounting.entries.column.${column}`)),
            )
          }
        />
      </Group>
      {Boolean(error) && <ErrorNotice onRetry={retry} />}
      {loading ? <LoadingState /> : valid && <JournalEntriesTable entries={entries} loadMore={loadMore} />}
    </Stack>
  );
}
