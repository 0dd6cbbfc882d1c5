import { Select } from '@mantine/core';
import { useState } from 'react';
import { useCustomerOptions } from '../hooks/use-customer-options';

/** A customer chosen by typing part of its name, code or city (searched on the server). */
export function CustomerPicker({
  label,
  value,
  onChange,
  required,
  width,
}: {
  label: string;
  value: string | null;
  onChange: (customerId: string | null) => void;
  required?: boolean;
  width?: number;
}) {
  const [search, setSearch] = useState('');
  const options = useCustomerOptions(search);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const data = chosen && !options.some((option) => option.value === chosen.value) ? [chosen, ...options] : options;
  return (
    <Select
      w={width}
      label={required ? label : undefined}
      aria-label={label}
      placeholder={label}
      required={required}
      searchable
      clearable
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={data}
      onChange={(customerId, option) => {
        setChosen(customerId ? option : null);
        onChange(customerId);
      }}
    />
  );
}
