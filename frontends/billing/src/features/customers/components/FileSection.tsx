import { Card, Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A section of the customer's file, with its action (an "add" button) beside the title. */
export function FileSection({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Card>
  );
}
