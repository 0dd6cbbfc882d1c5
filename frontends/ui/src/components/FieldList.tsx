import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Field {
  label: string;
  value: ReactNode;
}

/** Label/value pairs; an empty value shows as an em dash. */
export function FieldList({ fields }: { fields: readonly Field[] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {fields.map((field) => (
        <Stack key={field.label} gap={0}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={500}>
            {field.label}
          </Text>
          <Text>{field.value ?? '—'}</Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
