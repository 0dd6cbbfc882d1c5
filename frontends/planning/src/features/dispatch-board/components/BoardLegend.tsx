import { Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InterventionStatus } from '../../../gql/graphql';
import { planningNamespace } from '../../../i18n/register';
import { statusColor } from '../../../shared/badges';
import type { BoardLayout } from '../hooks/board-layout';

const shownStatuses: InterventionStatus[] = ['SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CLOSED'];

function Swatch({ background, label }: { background: string; label: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Box w={14} h={10} style={{ background, border: '1px solid var(--mantine-color-gray-4)', borderRadius: 2 }} />
      <Text fz={11} c="dimmed">
        {label}
      </Text>
    </Group>
  );
}

export function BoardLegend({ layout }: { layout: BoardLayout }) {
  const { t } = useTranslation(planningNamespace);
  return (
    <Group gap="md" mt={6}>
      {shownStatuses.map((status) => (
        <Swatch key={status} background={`var(--mantine-color-${statusColor[status]}-1)`} label={t(`enum.status.${status}`)} />
      ))}
      <Swatch background="rgba(134, 142, 150, 0.2)" label={t('board.legend.offHours')} />
      <Swatch
        background="repeating-linear-gradient(135deg, var(--mantine-color-red-1) 0 3px, var(--mantine-color-red-0) 3px 6px)"
        label={t('board.legend.absence')}
      />
      <Text fz={11} c="dimmed">
        {layout === 'timeline' ? t('board.dropHint') : t('board.dropHintAgenda')}
      </Text>
    </Group>
  );
}
