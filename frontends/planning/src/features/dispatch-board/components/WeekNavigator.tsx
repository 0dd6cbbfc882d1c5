import { ActionIcon, Button, Group, SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../../../i18n/register';
import type { BoardSpan } from '../hooks/use-board-week';

/** Previous / today / next, and how many days the board shows. */
export function WeekNavigator({
  span,
  onSpan,
  onPrevious,
  onToday,
  onNext,
}: {
  span: BoardSpan;
  onSpan: (span: BoardSpan) => void;
  onPrevious: () => void;
  onToday: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation(planningNamespace);
  return (
    <Group gap={6}>
      <SegmentedControl
        size="xs"
        value={String(span)}
        onChange={(value) => onSpan(Number(value) as BoardSpan)}
        data={[
          { value: '1', label: t('board.span.day') },
          { value: '3', label: t('board.span.threeDays') },
          { value: '7', label: t('board.span.week') },
        ]}
      />
      <ActionIcon variant="default" size="md" onClick={onPrevious} aria-label={t('board.previous')} title={t('board.previous')}>
        ‹
      </ActionIcon>
      <Button size="xs" variant="default" onClick={onToday}>
        {t('board.today')}
      </Button>
      <ActionIcon variant="default" size="md" onClick={onNext} aria-label={t('board.next')} title={t('board.next')}>
        ›
      </ActionIcon>
    </Group>
  );
}
