import { Chip, Group, TextInput } from '@mantine/core';
import { CustomerPicker } from '../features/customers/components/CustomerPicker';

/** What the billing lists filter on: one status (or all), one customer, a search text. */
export interface ListFilters<Status extends string> {
  status: Status | null;
  customerId: string | null;
  searchText: string;
}

/** Status chips, a search field and a customer filter above a billing list (invoices, credit notes, quotes). */
export function ListFiltersBar<Status extends string>({
  filters,
  onChange,
  statuses,
  statusLabel,
  labels,
}: {
  filters: ListFilters<Status>;
  onChange: (filters: ListFilters<Status>) => void;
  statuses: readonly Status[];
  statusLabel: (status: Status) => string;
  labels: { all: string; search: string; customer: string };
}) {
  return (
    <Group justify="space-between" mb="md" align="center">
      <Chip.Group
        value={(filters.status as string | null) ?? 'ALL'}
        onChange={(value) => onChange({ ...filters, status: value === 'ALL' ? null : (value as Status) })}
      >
        <Group gap="xs">
          <Chip value="ALL" size="sm">
            {labels.all}
          </Chip>
          {statuses.map((status) => (
            <Chip key={status} value={status} size="sm">
              {statusLabel(status)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Group gap="sm">
        <TextInput
          type="search"
          w={240}
          aria-label={labels.search}
          placeholder={labels.search}
          value={filters.searchText}
          onChange={(event) => onChange({ ...filters, searchText: event.currentTarget.value })}
        />
        <CustomerPicker
          width={280}
          label={labels.customer}
          value={filters.customerId}
          onChange={(customerId) => onChange({ ...filters, customerId })}
        />
      </Group>
    </Group>
  );
}
