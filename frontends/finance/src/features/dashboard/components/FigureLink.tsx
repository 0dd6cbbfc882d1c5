import { Card, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A figure of the home, a link to the documents behind it. */
export function FigureLink({
  label,
  value,
  detail,
  to,
  onClick,
  title,
  testId,
  tone,
}: {
  label: string;
  value: string;
  detail?: ReactNode;
  /** Where the documents behind it are; or `onClick` to show them here. */
  to?: string;
  onClick?: () => void;
  /** What following it shows, for the tooltip (and the link's description; its name is what it shows). */
  title: string;
  testId: string;
  tone?: 'red' | 'orange';
}) {
  const content = (
    <>
      <Text size="xs" c="dimmed" tt="uppercase" fw={500}>
        {label}
      </Text>
      <Text size="xl" fw={700} c={tone ? `${tone}.8` : undefined} data-testid={`${testId}-value`}>
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </>
  );
  const common = {
    withBorder: true,
    padding: 'sm',
    radius: 'md',
    title,
    'data-testid': testId,
    style: { cursor: 'pointer', textAlign: 'left' as const },
  };
  return to ? (
    <Card component={Link} to={to} {...common}>
      {content}
    </Card>
  ) : (
    <Card component="button" type="button" onClick={onClick} {...common}>
      {content}
    </Card>
  );
}
