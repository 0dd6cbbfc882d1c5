import { SearchSelect } from '@relais/ui';
import { useState } from 'react';
import { useCustomerOptions } from '../hooks/use-customer-options';

/** A customer chosen by typing part of its name, code or city (searched on the server). */
export function CustomerPicker({
  label,
  value,
  onChange,
  required,
  width,
  error,
}: {
  label: string;
  value: string | null;
  onChange: (customerId: string | null) => void;
  required?: boolean;
  width?: number;
  error?: string;
}) {
  const [search, setSearch] = useState('');
  const options = useCustomerOptions(search);
  return (
    <SearchSelect
      label={label}
      value={value}
      onChange={onChange}
      search={search}
      onSearchChange={setSearch}
      options={options}
      required={required}
      width={width}
      error={error}
    />
  );
}
