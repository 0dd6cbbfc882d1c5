import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DunningLevelFieldsFragment } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';

/** Friendly levels in blue, later ones in orange, the formal notice in red. */
const colorOf = (level: Pick<DunningLevelFieldsFragment, 'rank' | 'formalNotice'>) =>
  level.formalNotice ? 'red' : level.rank === 1 ? 'blue' : 'orange';

/** The level a reminder is sent at: "2 · Deuxième relance", its channel, and the levels it catches up on. */
export function LevelBadge({
  level,
  skippedRanks = [],
}: {
  level: Pick<DunningLevelFieldsFragment, 'rank' | 'name' | 'channel' | 'formalNotice'>;
  skippedRanks?: readonly number[];
}) {
  const { t } = useTranslation(financeNamespace);
  return (
    <Stack gap={2} align="flex-start">
      <Badge color={colorOf(level)} variant={level.formalNotice ? 'filled' : 'light'} tt="none" maw="none" data-testid="reminder-level">
        {t('dunning.level.badge', { rank: level.rank, name: level.name })}
      </Badge>
      <Group gap={6} wrap="nowrap">
        <Text size="xs" c="dimmed">
          {t(`dunning.channel.${level.channel}`)}
        </Text>
        {skippedRanks.length > 0 && (
          <Tooltip
            label={t('dunning.level.catchUpHint', { count: skippedRanks.length, ranks: skippedRanks.join(', ') })}
            withArrow
            multiline
            w={280}
          >
            <Badge color="grape" variant="outline" size="xs" tt="none" maw="none" data-testid="reminder-catch-up">
              {t('dunning.level.catchUp', { count: skippedRanks.length, ranks: skippedRanks.join(', ') })}
            </Badge>
          </Tooltip>
        )}
      </Group>
    </Stack>
  );
}
