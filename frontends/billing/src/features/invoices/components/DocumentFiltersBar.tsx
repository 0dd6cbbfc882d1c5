import { Chip, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvoiceStatus } from '../../../gql/graphql';
import { billingNamespace } from '../../../i18n/register';
import { CustomerPicker } from '../../customers/components/CustomerPicker';
import type { DocumentFilters } from '../hooks/use-invoice-list';
import { invoiceStatuses } from './InvoiceStatusBadge';

/** Status chips, number search and customer filter above an invoice or credit-note list. */
export function DocumentFiltersBar({
  filters,
  onChange,
  statuses = invoiceStatuses,
}: {
  filters: DocumentFilters;
  onChange: (filters: DocumentFilters) => void;
  statuses?: readonly InvoiceStatus[];
}) {
  const { t } = useTranslation(billingNamespace);
  return (
    <Group justify="space-between" mb="md" align="center">
      <Chip.Group
        value={filters.status ?? 'ALL'}
        onChange={(value) => onChange({ ...filters, status: value === 'ALL' ? null : (value as InvoiceStatus) })}
      >
        <Group gap="xs">
          <Chip value="ALL" size="sm">
            {t('invoices.filter.all')}
          </Chip>
          {statuses.map((status) => (
            <Chip key={status} value={status} size="sm">
              {t(`invoiceStatus.${status}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Group gap="sm">
        <TextInput
          type="search"
          w={220}
          aria-label={t('invoices.search')}
          placeholder={t('invoices.search')}
          value={filters.searchText}
          onChange={(event) => onChange({ ...filters, searchText: event.currentTarget.value })}
        />
        <CustomerPicker
          width={280}
          label={t('invoices.customerFilter')}
          value={filters.customerId}
          onChange={(customerId) => onChange({ ...filters, customerId })}
        />
      </Group>
    </Group>
  );
}
