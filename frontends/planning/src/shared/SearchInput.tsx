import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';

/** A search box that tells its value once typing pauses. */
export function SearchInput({ label, value, onSearch }: { label: string; value: string; onSearch: (value: string) => void }) {
  const [text, setText] = useState(value);
  const apply = useDebouncedCallback(onSearch, 300);
  return (
    <TextInput
      type="search"
      aria-label={label}
      placeholder={label}
      w={360}
      mb="md"
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        apply(event.currentTarget.value);
      }}
    />
  );
}
