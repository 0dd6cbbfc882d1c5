import { Select } from '@mantine/core';
import { useState } from 'react';

export interface SearchSelectOption {
  value: string;
  label: string;
}

/**
 * A choice among what the server found for the typed text (`search`, sent by the caller's query):
 * the chosen option stays shown when a later search no longer returns it.
 */
export function SearchSelect({
  label,
  value,
  onChange,
  search,
  onSearchChange,
  options,
  required,
  width,
  error,
}: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  search: string;
  onSearchChange: (search: string) => void;
  options: readonly SearchSelectOption[];
  required?: boolean;
  width?: number;
  error?: string;
}) {
  const [chosen, setChosen] = useState<SearchSelectOption | null>(null);
  const data = chosen && !options.some((option) => option.value === chosen.value) ? [chosen, ...options] : options;
  return (
    <Select
      w={width}
      label={required ? label : undefined}
      aria-label={label}
      placeholder={label}
      required={required}
      error={error}
      searchable
      clearable
      value={value}
      searchValue={search}
      onSearchChange={onSearchChange}
      filter={({ options: all }) => all}
      data={data}
      onChange={(chosenValue, option) => {
        setChosen(chosenValue ? option : null);
        onChange(chosenValue);
      }}
    />
  );
}
