import { Checkbox, Group, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { CustomerPicker } from '../../customers/components/CustomerPicker';
import type { PaymentFilters } from '../hooks/use-payment-list';

/** Customer, search text, period received and "with credit left", above the payments. */
export function PaymentFiltersBar({ filters, onChange }: { filters: PaymentFilters; onChange: (filters: PaymentFilters) => void }) {
  const { t } = useTranslation(financeNamespace);
  return (
    <Group mb="md" align="center" gap="sm">
      <CustomerPicker
        width={280}
        label={t('payments.filter.customer')}
        value={filters.customerId}
        onChange={(customerId) => onChange({ ...filters, customerId })}
      />
      <TextInput
        type="search"
        w={260}
        aria-label={t('payments.filter.search')}
        placeholder={t('payments.filter.search')}
        value={filters.searchText}
        onChange={(event) => onChange({ ...filters, searchText: event.currentTarget.value })}
      />
      <Group gap={6} wrap="nowrap">
        <Text size="sm">{t('payments.filter.from')}</Text>
        <TextInput
          type="date"
          aria-label={t('payments.filter.fromLabel')}
          value={filters.receivedFrom}
          onChange={(event) => onChange({ ...filters, receivedFrom: event.currentTarget.value })}
        />
        <Text size="sm">{t('payments.filter.to')}</Text>
        <TextInput
          type="date"
          aria-label={t('payments.filter.toLabel')}
          value={filters.receivedTo}
          onChange={(event) => onChange({ ...filters, receivedTo: event.currentTarget.value })}
        />
      </Group>
      <Checkbox
        label={t('payments.filter.unallocatedOnly')}
        checked={filters.unallocatedOnly}
        onChange={(event) => onChange({ ...filters, unallocatedOnly: event.currentTarget.checked })}
      />
    </Group>
  );
}
