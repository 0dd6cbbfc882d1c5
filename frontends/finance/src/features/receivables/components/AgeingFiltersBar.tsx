import { Checkbox, Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { CustomerPicker } from '../../customers/components/CustomerPicker';
import { AGEING_COLUMNS, LOCAL_DATE, isMinimumAmountReadable, type AgeingFilters } from '../hooks/ageing-view';

/** The date the ageing is measured at, then the customers kept: one customer, a column, a minimum, overdue only. */
export function AgeingFiltersBar({ filters, onChange }: { filters: AgeingFilters; onChange: (filters: AgeingFilters) => void }) {
  const { t } = useTranslation(financeNamespace);
  return (
    <Group mb="md" align="flex-start" gap="sm" role="group" aria-label={t('receivables.ageing.filter.label')}>
      <TextInput
        type="date"
        w={170}
        label={t('receivables.ageing.filter.asOf')}
        required
        value={filters.asOf}
        error={LOCAL_DATE.test(filters.asOf) ? undefined : t('receivables.ageing.filter.invalidDate')}
        onChange={(event) => onChange({ ...filters, asOf: event.currentTarget.value })}
      />
      <Group gap="sm" mt={25} align="flex-start">
        <CustomerPicker
          width={280}
          label={t('receivables.ageing.filter.customer')}
          value={filters.customerId}
          onChange={(customerId) => onChange({ ...filters, customerId })}
        />
        <Select
          w={200}
          aria-label={t('receivables.ageing.filter.bucketLabel')}
          placeholder={t('receivables.ageing.filter.bucket')}
          clearable
          value={filters.bucket}
          data={AGEING_COLUMNS.map(({ bucket }) => ({ value: bucket, label: t(`receivables.bucket.${bucket}`) }))}
          onChange={(chosen) => onChange({ ...filters, bucket: AGEING_COLUMNS.find(({ bucket }) => bucket === chosen)?.bucket ?? null })}
        />
        <TextInput
          w={180}
          aria-label={t('receivables.ageing.filter.minimumAmount')}
          placeholder={t('receivables.ageing.filter.minimumAmount')}
          rightSection="€"
          value={filters.minimumAmount}
          error={isMinimumAmountReadable(filters.minimumAmount) ? undefined : t('receivables.ageing.filter.invalidAmount')}
          onChange={(event) => onChange({ ...filters, minimumAmount: event.currentTarget.value })}
        />
        <Checkbox
          mt={8}
          label={t('receivables.ageing.filter.overdueOnly')}
          checked={filters.overdueOnly}
          onChange={(event) => onChange({ ...filters, overdueOnly: event.currentTarget.checked })}
        />
      </Group>
    </Group>
  );
}
