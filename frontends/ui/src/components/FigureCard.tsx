import { Card, Text } from '@mantine/core';

/** One figure of a set of totals: a small caption, the value, and an optional warning under it. */
export function FigureCard({
  label,
  value,
  detail,
  testId,
  strong,
}: {
  label: string;
  value: string;
  /** A warning about the figure ("dont 1 bloqué"), in red. */
  detail?: string;
  testId?: string;
  strong?: boolean;
}) {
  return (
    <Card withBorder padding="sm" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={500}>
        {label}
      </Text>
      <Text size="xl" fw={strong ? 700 : 600} data-testid={testId}>
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="red.8">
          {detail}
        </Text>
      )}
    </Card>
  );
}
