import { SearchSelect, type SearchSelectOption } from '@relais/ui';
import { useState } from 'react';
import { useCustomerOptions } from '../../customers/hooks/use-customer-options';

/**
 * The customer of the statement, searched on the server; the customer the page was opened for
 * (from a link) stays shown even when the first customers found do not include it.
 */
export function StatementCustomerPicker({
  label,
  value,
  known,
  onChange,
}: {
  label: string;
  value: string | null;
  known: SearchSelectOption | null;
  onChange: (customerId: string | null) => void;
}) {
  const [search, setSearch] = useState('');
  const found = useCustomerOptions(search);
  const options = known && !found.some((option) => option.value === known.value) ? [known, ...found] : found;
  return (
    <SearchSelect
      label={label}
      value={value}
      onChange={onChange}
      search={search}
      onSearchChange={setSearch}
      options={options}
      required
      width={320}
    />
  );
}
