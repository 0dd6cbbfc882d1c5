import { Drawer, Group, Stack, Text } from '@mantine/core';
import { ErrorNotice, LoadingState } from '@relais/ui';
import type { ReactNode } from 'react';
import { CsvButton } from './CsvButton';

/** The documents behind a figure, beside the home: a summary, the CSV of the list, the list. */
export function DetailDrawer({
  opened,
  onClose,
  title,
  summary,
  csv,
  loading,
  error,
  retry,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  summary?: ReactNode;
  csv?: { fileName: string; content: () => string };
  loading: boolean;
  error: unknown;
  retry: () => void;
  children: ReactNode;
}) {
  return (
    <Drawer opened={opened} onClose={onClose} title={title} position="right" size="xl" padding="lg">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text size="sm">{summary}</Text>
          {csv && <CsvButton fileName={csv.fileName} content={csv.content} />}
        </Group>
        {Boolean(error) && <ErrorNotice onRetry={retry} />}
        {loading ? <LoadingState /> : children}
      </Stack>
    </Drawer>
  );
}
