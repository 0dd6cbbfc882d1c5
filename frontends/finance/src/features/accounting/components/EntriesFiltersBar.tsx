import { Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { SearchSelect, type SearchSelectOption } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { useCustomerOptions } from '../../customers/hooks/use-customer-options';
import { JOURNALS, accountPrefix, isAccountPrefix, type EntriesFilter } from '../hooks/accounting-view';

const ALL = 'all';

/**
 * Journal, period, account and customer above the entries; each change goes to the page address.
 * The customer a link filtered on stays shown even when the first customers found do not include it.
 */
export function EntriesFiltersBar({
  filter,
  problem,
  knownCustomer,
  onChange,
}: {
  filter: EntriesFilter;
  problem: { field: 'from' | 'to'; problem: string } | null;
  knownCustomer: SearchSelectOption | null;
  onChange: (changes: Record<string, string | null>) => void;
}) {
  const { t } = useTranslation(financeNamespace);
  const [search, setSearch] = useState('');
  const found = useCustomerOptions(search);
  const customers = knownCustomer && !found.some((option) => option.value === knownCustomer.value) ? [knownCustomer, ...found] : found;
  const dateError = (field: 'from' | 'to') => (problem?.field === field ? t(`accounting.${problem.problem}`) : undefined);
  return (
    <Group align="flex-start" gap="md">
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('accounting.journal.label')}
        </Text>
        <SegmentedControl
          aria-label={t('accounting.journal.label')}
          value={filter.journal ?? ALL}
          onChange={(value) => onChange({ journal: value === ALL ? null : value })}
          data={[ALL, ...JOURNALS].map((value) => ({ value, label: t(`accounting.journal.${value}`) }))}
        />
      </Stack>
      <TextInput
        type="date"
        label={t('accounting.from')}
        value={filter.from}
        error={dateError('from')}
        onChange={(event) => onChange({ from: event.currentTarget.value })}
      />
      <TextInput
        type="date"
        label={t('accounting.to')}
        value={filter.to}
        error={dateError('to')}
        onChange={(event) => onChange({ to: event.currentTarget.value })}
      />
      <TextInput
        w={200}
        label={t('accounting.entries.account')}
        placeholder={t('accounting.entries.accountPlaceholder')}
        value={filter.account}
        error={isAccountPrefix(accountPrefix(filter.account)) ? undefined : t('accounting.entries.invalidAccount')}
        onChange={(event) => onChange({ account: event.currentTarget.value || null })}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('accounting.entries.customerLabel')}
        </Text>
        <SearchSelect
          width={280}
          label={t('accounting.entries.customer')}
          value={filter.customerId}
          onChange={(customerId) => onChange({ customer: customerId })}
          search={search}
          onSearchChange={setSearch}
          options={customers}
        />
      </Stack>
    </Group>
  );
}
